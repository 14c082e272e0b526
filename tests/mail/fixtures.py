"""The mail layer's fixtures: a real SMTP server on loopback, the suite's app sending to it,
and the browser tests' production server sending to it too.
"""

import socket
from collections.abc import Iterator

import pytest
from flask import Flask

from app.mail.sending import mail
from tests.mail.helpers import Inbox, start_smtp_server

SENDER = "Kit tests <no-reply@example.com>"


@pytest.fixture(scope="session")
def smtp_server():
    """An aiosmtpd server on 127.0.0.1 for the whole run; its handler is an Inbox."""
    controller = start_smtp_server(Inbox())
    yield controller
    controller.stop()


def send_by_smtp(app: Flask, monkeypatch, host: str, port: int) -> None:
    """For this test, `app` sends its email by SMTP to host:port.

    Flask-Mail reads its settings once, in `init_app`, so the test gives the app a new
    Flask-Mail state made from its new settings (`init_mail`, as `init_app` does). Under
    TESTING, Flask-Mail holds every message back unless MAIL_SUPPRESS_SEND says otherwise.
    """
    settings = {
        "MAIL_SERVER": host,
        "MAIL_PORT": port,
        "MAIL_DEFAULT_SENDER": SENDER,
        "MAIL_SUPPRESS_SEND": False,
    }
    for name, value in settings.items():
        monkeypatch.setitem(app.config, name, value)
    monkeypatch.setitem(app.extensions, "mail", mail.init_mail(app.config))


@pytest.fixture
def inbox(app: Flask, smtp_server, monkeypatch) -> Inbox:
    """For this test, the suite's app sends to `smtp_server`: what arrives there."""
    send_by_smtp(app, monkeypatch, smtp_server.hostname, smtp_server.port)
    smtp_server.handler.messages.clear()
    return smtp_server.handler


@pytest.fixture(autouse=True)
def socket_timeout_restored() -> Iterator[None]:
    """Give back Python's default socket timeout after each test.

    An app with MAIL_SERVER sets it for the whole process (app/mail/__init__.py): left set,
    it would time out other tests' idle sockets, such as the relays of tests/live.py.
    """
    before = socket.getdefaulttimeout()
    yield
    socket.setdefaulttimeout(before)


@pytest.fixture(scope="session")
def server_environ(server_environ, smtp_server) -> dict[str, str]:
    """The browser tests' production server sends its email to `smtp_server`."""
    return {
        **server_environ,
        "MAIL_SERVER": smtp_server.hostname,
        "MAIL_PORT": str(smtp_server.port),
        "MAIL_DEFAULT_SENDER": SENDER,
    }
