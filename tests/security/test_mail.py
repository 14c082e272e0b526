"""Email: production refuses to start without an SMTP server and an address to send from.

The mail layer's own tests are in tests/mail; these are its items of the security checklist,
and go with it (a layer's tests in another folder are named test_NAME.py).
"""

import os
import sys

import pytest

from app.mail.settings import mail_settings
from config import ConfigError
from tests.live import run_in_project_root


def test_production_refuses_to_start_without_a_server_and_a_sender():
    """Without them no one could confirm an address or reset a password."""
    with pytest.raises(ConfigError, match="MAIL_SERVER and MAIL_DEFAULT_SENDER must be set"):
        mail_settings({}, "production")
    with pytest.raises(ConfigError, match="MAIL_DEFAULT_SENDER must be set in production"):
        mail_settings({"MAIL_SERVER": "smtp.example.com"}, "production")


def test_production_requires_confirmed_addresses_unless_told_otherwise():
    """An address nobody proved is theirs writes nothing (docs/security.md)."""
    environ = {"MAIL_SERVER": "smtp.example.com", "MAIL_DEFAULT_SENDER": "a@example.com"}
    assert mail_settings(environ, "production")["MAIL_REQUIRE_CONFIRMED"] is True


@pytest.mark.servers
def test_gunicorn_started_without_its_environment_stops_at_once():
    """Given every other layer's settings but no MAIL_SERVER, gunicorn stops with one line."""
    bare = {
        "PATH": os.environ["PATH"],
        "SECRET_KEY": "k" * 64,
        "TRUSTED_HOSTS": "localhost",
        "RATELIMIT_STORAGE_URI": "memory://",
    }
    result = run_in_project_root([sys.executable, "-m", "gunicorn"], bare)
    assert result.returncode == 1
    assert "Configuration error: MAIL_SERVER and MAIL_DEFAULT_SENDER must be set" in result.stderr
    assert "Traceback" not in result.stderr
