"""The mail layer's settings: Flask-Mail's, read from the environment, and the layer's own."""

from collections.abc import Mapping
from datetime import timedelta

from config import ConfigError, switch, whole_number

# What production cannot send without: an SMTP server, and an address to send from.
REQUIRED_IN_PRODUCTION = ("MAIL_SERVER", "MAIL_DEFAULT_SENDER")


def mail_settings(environ: Mapping[str, str], app_env: str) -> dict:
    """The mail settings; in production, refuse to start without a server and a sender."""
    missing = [name for name in REQUIRED_IN_PRODUCTION if not environ.get(name)]
    if app_env == "production" and missing:
        raise ConfigError(
            f"{' and '.join(missing)} must be set in production: the SMTP server that sends "
            "the confirmation and password-reset emails (smtp.example.com) and the address "
            "they come from (Example <no-reply@example.com>)"
        )
    return {
        # Without a server (development, tests) each message is written to the log instead.
        "MAIL_SERVER": environ.get("MAIL_SERVER") or None,
        "MAIL_PORT": whole_number(environ, "MAIL_PORT", 25),
        "MAIL_USE_TLS": switch(environ, "MAIL_USE_TLS", default=False),  # STARTTLS, port 587
        "MAIL_USE_SSL": switch(environ, "MAIL_USE_SSL", default=False),  # TLS from the start, 465
        "MAIL_USERNAME": environ.get("MAIL_USERNAME") or None,
        "MAIL_PASSWORD": environ.get("MAIL_PASSWORD") or None,
        "MAIL_DEFAULT_SENDER": environ.get("MAIL_DEFAULT_SENDER", "no-reply@localhost"),
        # Seconds to wait for the SMTP server at each step (connecting, each reply): a server
        # that is down or hangs costs the visitor this long, then a "try again later".
        "MAIL_TIMEOUT": whole_number(environ, "MAIL_TIMEOUT", 5),
        # Accounts must confirm their email before they write anything (production's default).
        "MAIL_REQUIRE_CONFIRMED": switch(
            environ, "MAIL_REQUIRE_CONFIRMED", default=app_env == "production"
        ),
        # How long the links in the emails work.
        "MAIL_RESET_MAX_AGE": timedelta(minutes=30),
        "MAIL_CONFIRM_MAX_AGE": timedelta(days=7),
    }
