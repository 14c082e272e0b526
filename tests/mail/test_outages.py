"""An SMTP server that is down or hangs: the visitor waits at most MAIL_TIMEOUT, never gets a
500, is told to try again later, and nothing is left half-done. Each failure is one log line.
"""

import logging
import socket
import time

import pytest

from app.database import db
from app.mail.emails import COULD_NOT_SEND
from config import Config
from tests.accounts.fixtures import ADA, client_of
from tests.accounts.helpers import committed_user, sign_up
from tests.live import free_port
from tests.mail.fixtures import SENDER, send_by_smtp
from tests.mail.helpers import page_text, silent_server

SITE_NAME = Config.SITE_NAME

FORGOT_ANSWER = "a link to reset its password is on its way"


def failures(caplog) -> list[str]:
    """The warnings the app logged about email it could not send."""
    return [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]


@pytest.fixture
def smtp_down(app, monkeypatch) -> None:
    """For this test, the suite's app sends to a port of this machine where nothing listens."""
    send_by_smtp(app, monkeypatch, "127.0.0.1", free_port())


@pytest.mark.usefixtures("smtp_down")
def test_a_sign_up_succeeds_and_says_the_confirmation_could_not_be_sent(client, caplog):
    assert sign_up(client).status_code == 303
    assert committed_user(ADA) is not None
    home = page_text(client.get("/"))
    assert "Welcome! Your account is ready." in home
    assert f"{COULD_NOT_SEND} Send it again from your account page." in home
    [failure] = failures(caplog)
    assert f"Email 'Confirm your email address for {SITE_NAME}' not sent" in failure
    assert "ConnectionRefusedError" in failure
    assert "\n" not in failure


@pytest.mark.usefixtures("smtp_down")
def test_sending_again_says_to_try_later(app, user, caplog):
    client = client_of(app, user)
    assert client.post("/account/confirm", data={"email": ADA}).status_code == 303
    assert COULD_NOT_SEND in page_text(client.get("/account/"))
    assert len(failures(caplog)) == 1


@pytest.mark.usefixtures("smtp_down", "user")
def test_a_reset_request_gets_the_usual_answer_and_is_logged(client, caplog):
    response = client.post("/account/forgot", data={"email": ADA})
    assert (response.status_code, response.headers["Location"]) == (303, "/account/sign-in")
    assert FORGOT_ANSWER in page_text(client.get("/account/sign-in"))
    assert len(failures(caplog)) == 1


def test_a_server_that_never_answers_costs_the_visitor_mail_timeout(make_app, caplog):
    """The app sets Python's default socket timeout, which Flask-Mail's smtplib uses."""
    with silent_server() as server:
        site = make_app(
            MAIL_SERVER="127.0.0.1",
            MAIL_PORT=server.getsockname()[1],
            MAIL_DEFAULT_SENDER=SENDER,
            MAIL_SUPPRESS_SEND=False,
            MAIL_TIMEOUT=0.2,
        )
        assert socket.getdefaulttimeout() == 0.2
        with site.app_context():
            db.create_all()  # (Alembic's logging set-up would take the log from caplog)
        client = site.test_client()
        started = time.perf_counter()
        response = client.post("/account/forgot", data={"email": "nobody@example.com"})
        waited = time.perf_counter() - started
    assert response.status_code == 303
    assert 0.2 <= waited < 1.5
    assert FORGOT_ANSWER in page_text(client.get("/account/sign-in"))
    [failure] = failures(caplog)
    assert "timed out" in failure
