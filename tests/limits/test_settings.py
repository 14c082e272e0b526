"""The limits' settings: where the counts are kept and whether they are on, read from the
environment. (Production's refusal to start without a shared store is in
tests/security/test_limits.py.)
"""

import pytest

from app import create_app
from app.limits.settings import limits_settings
from config import DevelopmentConfig


def test_elsewhere_the_counts_are_kept_in_memory_and_the_limits_are_on():
    """Development needs no store: each process counts on its own."""
    settings = limits_settings({}, "development")
    assert settings["RATELIMIT_STORAGE_URI"] == "memory://"
    assert settings["RATELIMIT_ENABLED"] is True
    mail_pages = ["mail.forgot_password", "mail.resend_confirmation"]
    assert settings["RATELIMIT_ACCOUNT_PAGES"] == [
        "accounts.sign_in",
        "accounts.sign_up",
        *mail_pages,
    ]
    assert settings["RATELIMIT_MAIL_PAGES"] == mail_pages


@pytest.mark.parametrize(("value", "enabled"), [("false", False), ("0", False), ("yes", True)])
def test_rate_limit_enabled_turns_the_limits_off_for_a_load_test(value, enabled):
    """A load test from one address would meet the limits at once."""
    settings = limits_settings({"RATELIMIT_ENABLED": value}, "development")
    assert settings["RATELIMIT_ENABLED"] is enabled


def test_the_factory_reads_the_limits_from_the_process_environment(monkeypatch):
    """wsgi.py's create_app() uses the settings the process was started with."""
    monkeypatch.setenv("DATABASE_URL", "sqlite://")
    monkeypatch.setenv("RATELIMIT_STORAGE_URI", "redis://cache.invalid:6379/0")
    monkeypatch.setenv("RATELIMIT_ENABLED", "false")
    app = create_app(DevelopmentConfig({}))
    assert app.config["RATELIMIT_STORAGE_URI"] == "redis://cache.invalid:6379/0"
    assert app.config["RATELIMIT_ENABLED"] is False


def test_settings_the_app_was_given_win_over_the_environment(make_app, monkeypatch):
    """A test (or a config class) that names a setting keeps it."""
    monkeypatch.setenv("RATELIMIT_STORAGE_URI", "redis://cache.invalid:6379/0")
    monkeypatch.setenv("RATELIMIT_ENABLED", "true")
    app = make_app(RATELIMIT_STORAGE_URI="memory://")
    assert app.config["RATELIMIT_STORAGE_URI"] == "memory://"
    assert app.config["RATELIMIT_ENABLED"] is False  # TestingConfig's
