"""A real SMTP server for the mail tests (aiosmtpd, on loopback), and what it received."""

import email
import html
import re
import socket
import time
from datetime import timedelta
from email.message import EmailMessage
from email.policy import default as default_policy
from urllib.parse import urlsplit

from aiosmtpd.controller import Controller
from itsdangerous import TimestampSigner

from tests.live import free_port

LINK = re.compile(r"https?://\S+")


class Inbox:
    """An aiosmtpd handler that keeps every message the server accepts."""

    def __init__(self):
        """Nothing received yet."""
        self.messages: list[EmailMessage] = []

    async def handle_DATA(self, _server, _session, envelope):
        """Keep the message, and accept it."""
        self.messages.append(email.message_from_bytes(envelope.content, policy=default_policy))
        return "250 Message accepted for delivery"

    def sent_to(self, to: str) -> list[EmailMessage]:
        """The messages received for `to`, oldest first."""
        return [message for message in self.messages if message["To"] == to]

    def only_message(self, to: str) -> EmailMessage:
        """The one message received, which must be for `to`."""
        assert len(self.messages) == 1, [m["Subject"] for m in self.messages]
        [message] = self.messages
        assert message["To"] == to
        return message


def body(message: EmailMessage) -> str:
    """The plain-text body of `message`."""
    return message.get_body(("plain",)).get_content()


def link_path(message: EmailMessage) -> str:
    """The path of the one link in `message`, to follow with a test client or a browser."""
    [link] = LINK.findall(body(message))
    return urlsplit(link).path


def start_smtp_server(inbox: Inbox) -> Controller:
    """An SMTP server on 127.0.0.1 that puts what it receives in `inbox`; stop() it after."""
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    return controller


def silent_server() -> socket.socket:
    """A server that lets clients connect (the system accepts them) and never says a word,
    like an SMTP server that hangs; close() it after.
    """
    return socket.create_server(("127.0.0.1", 0))


def move_clock(monkeypatch, ahead: timedelta) -> None:
    """Make every signature read from now on `ahead` older, links and session cookies alike
    (itsdangerous' documented clock, TimestampSigner.get_timestamp).
    """
    later = int(time.time() + ahead.total_seconds())
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda _signer: later)


def page_text(response) -> str:
    """The page's text, for messages (the flash, the error page's sentence)."""
    return html.unescape(response.get_data(as_text=True))


def altered(link: str) -> str:
    """`link` with one character of its signature changed (not the last, whose spare bits
    may not count).
    """
    return link[:-5] + ("A" if link[-5] != "A" else "B") + link[-4:]
