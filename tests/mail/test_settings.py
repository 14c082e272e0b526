"""The mail settings, read from the environment (production's refusal to start without a
server is in tests/security/test_mail.py), and what development does without a server.
"""

import socket
from datetime import timedelta

import pytest

from app import create_app
from app.mail.sending import in_words
from app.mail.settings import mail_settings
from config import Config, DevelopmentConfig
from tests.accounts.fixtures import ADA
from tests.mail.helpers import page_text

SITE_NAME = Config.SITE_NAME


def test_development_needs_no_server_and_writes_no_refusal():
    settings = mail_settings({}, "development")
    assert settings["MAIL_SERVER"] is None
    assert settings["MAIL_PORT"] == 25
    assert settings["MAIL_TIMEOUT"] == 5
    assert settings["MAIL_REQUIRE_CONFIRMED"] is False
    assert settings["MAIL_RESET_MAX_AGE"] == timedelta(minutes=30)


def test_a_provider_s_settings_are_read_from_the_environment():
    environ = {
        "MAIL_SERVER": "smtp.example.com",
        "MAIL_PORT": "587",
        "MAIL_USE_TLS": "true",
        "MAIL_USERNAME": "kit",
        "MAIL_PASSWORD": "secret",
        "MAIL_DEFAULT_SENDER": "Kit <no-reply@example.com>",
        "MAIL_TIMEOUT": "10",
        "MAIL_REQUIRE_CONFIRMED": "off",
    }
    settings = mail_settings(environ, "production")
    assert settings["MAIL_SERVER"] == "smtp.example.com"
    assert settings["MAIL_PORT"] == 587
    assert (settings["MAIL_USE_TLS"], settings["MAIL_USE_SSL"]) == (True, False)
    assert (settings["MAIL_USERNAME"], settings["MAIL_PASSWORD"]) == ("kit", "secret")
    assert settings["MAIL_DEFAULT_SENDER"] == "Kit <no-reply@example.com>"
    assert settings["MAIL_TIMEOUT"] == 10
    assert settings["MAIL_REQUIRE_CONFIRMED"] is False


def test_the_factory_gives_flask_mail_the_environment_s_server_and_its_timeout(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "sqlite://")
    monkeypatch.setenv("MAIL_SERVER", "smtp.example.com")
    monkeypatch.setenv("MAIL_TIMEOUT", "7")
    app = create_app(DevelopmentConfig({}))
    assert app.extensions["mail"].server == "smtp.example.com"
    assert socket.getdefaulttimeout() == 7


def test_without_a_server_the_timeout_is_left_alone(make_app):
    before = socket.getdefaulttimeout()
    make_app(database_url="sqlite://")
    assert socket.getdefaulttimeout() == before


def test_without_a_server_each_email_is_logged_in_full_with_a_link_that_works(signed_in, caplog):
    assert signed_in.post("/account/confirm", data={"email": ADA}).status_code == 303
    [logged] = [r.getMessage() for r in caplog.records if "Email not sent" in r.getMessage()]
    assert "MAIL_SERVER is not set" in logged
    assert f"To: {ADA}" in logged
    assert f"Subject: Confirm your email address for {SITE_NAME}" in logged
    [link] = [word for word in logged.split() if word.startswith("http://localhost/")]
    assert signed_in.get(link.removeprefix("http://localhost")).status_code == 303
    assert "Confirmed on" in page_text(signed_in.get("/account/"))


@pytest.mark.parametrize(
    ("duration", "words"),
    [
        (timedelta(minutes=30), "30 minutes"),
        (timedelta(days=1), "1 day"),
        (timedelta(days=7), "7 days"),
    ],
)
def test_how_long_a_link_works_is_said_in_words(duration, words):
    assert in_words(duration) == words
