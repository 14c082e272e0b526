"""The limits layer's settings: Flask-Limiter's, with where the counts are kept read from the
environment.
"""

from collections.abc import Mapping

from config import ConfigError, switch

# The mail layer's pages that send an email: asking for a reset link, and for the
# confirmation link again (endpoint names: nothing here needs that layer installed).
MAIL_PAGES = ("mail.forgot_password", "mail.resend_confirmation")


def limits_settings(environ: Mapping[str, str], app_env: str) -> dict:
    """Flask-Limiter's settings; in production, refuse to start without a shared store."""
    # Several servers with counts in memory would each allow the whole limit.
    if app_env == "production" and "RATELIMIT_STORAGE_URI" not in environ:
        raise ConfigError(
            "RATELIMIT_STORAGE_URI must be set in production: redis://host:6379/0, so "
            "every server counts against the same limits (memory:// for a single process)"
        )
    return {
        # Where counts are kept: memory:// in each process (development, or a single server),
        # redis://host:6379/0 when several servers must share one count.
        "RATELIMIT_STORAGE_URI": environ.get("RATELIMIT_STORAGE_URI", "memory://"),
        # RATELIMIT_ENABLED=false turns every limit off, for a load test from one address.
        "RATELIMIT_ENABLED": switch(environ, "RATELIMIT_ENABLED", default=True),
        # The pages where a visitor proves who they are, or has an email sent (endpoints):
        # each POST there is an attempt, counted per address and, when it fails, per account.
        "RATELIMIT_ACCOUNT_PAGES": ["accounts.sign_in", "accounts.sign_up", *MAIL_PAGES],
        # The pages that send an email to the address in their form: each POST there counts
        # for that address too.
        "RATELIMIT_MAIL_PAGES": list(MAIL_PAGES),
        # 429 answers carry Retry-After (and every limited answer X-RateLimit-*).
        "RATELIMIT_HEADERS_ENABLED": True,
        # If Redis stops answering, each process counts in its own memory (and logs a warning)
        # until Redis is back: the limits still hold, per process, and the site stays up. Each
        # process asks Redis again 1, 2, 4, 8, 16 and 32 s later (then from 1 s again), and
        # counts there once it answers; the counts kept in memory meanwhile are dropped.
        "RATELIMIT_IN_MEMORY_FALLBACK_ENABLED": True,
        # A request under way when Redis goes away still gets its answer: the count it could
        # not record is logged and skipped. Without this, its answer would be a 500.
        "RATELIMIT_SWALLOW_ERRORS": True,
        # Seconds to wait for Redis: a Redis that hangs costs the request that finds out, and
        # each of the checks above, a second; it never holds a request up for longer.
        "RATELIMIT_STORAGE_OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }
