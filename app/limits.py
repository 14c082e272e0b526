"""Rate limits: how often one client may try a password, write, or guess an API token.

Each decorator below is put on the views it guards, on a line marked for this layer, so
`flask layers remove limits` takes them all out. Past a limit the answer is 429 with
Retry-After, as the error page or the API's JSON error. Counts are per client address
(behind nginx, the one ProxyFix reads from X-Forwarded-For), and for sign-in also per
account. docs/security.md explains the figures.
"""

import logging

from flask import Flask, request
from flask.logging import default_handler
from flask_limiter import RateLimitExceeded

from app.errors import PLAIN_MESSAGES, render_error
from app.extensions import limiter

# Every sign-in or sign-up sent from one address: plenty for a person who mistypes, too few
# for a script that guesses.
ATTEMPTS_PER_ADDRESS = "10 per minute; 100 per hour"
# Failed sign-ins (or sign-ups) naming one account, from any number of addresses: guessing
# one password from a botnet is as slow as from one machine.
FAILURES_PER_ACCOUNT = "10 per minute; 50 per hour"
# Guestbook and API writes from one address, all counted together: faster than anyone
# types, slower than a spammer.
WRITES_PER_ADDRESS = "30 per minute; 300 per hour"
# API writes refused for a missing or wrong token, from one address, all counted together.
FAILED_TOKENS_PER_ADDRESS = "10 per minute"
WRITE_METHODS = ["POST", "PUT", "PATCH", "DELETE"]


def init_limits(app: Flask) -> None:
    """Explain a 429 in plain words, in the layout or as the API's JSON error; let the
    limiter's warnings be seen.
    """
    app.register_error_handler(RateLimitExceeded, explain_rate_limit)
    # Flask-Limiter warns on its own logger when its storage stops answering, but that logger
    # holds a NullHandler, which keeps Python from printing the warning when logging is not
    # set up (as under gunicorn). Then it goes where Flask writes the app's own lines.
    if not logging.getLogger().handlers:
        limiter.logger.addHandler(default_handler)


def explain_rate_limit(error: RateLimitExceeded):
    """The 429 answer; Flask-Limiter adds Retry-After to it."""
    return render_error(error, PLAIN_MESSAGES[429])


def account_in_form() -> str:
    """The account a sign-in names: its email as typed, trimmed and in lower case."""
    return "account:" + request.form.get("email", "").strip().lower()


def was_refused(response) -> bool:
    """True for an answer that refused what was sent (a wrong password, a taken email)."""
    return response.status_code == 400


def was_unauthorized(response) -> bool:
    """True for an API answer that refused the token."""
    return response.status_code == 401


def limit_account_attempts(view):
    """Limit sign-in or sign-up POSTs per address (every one) and per account (failed ones)."""
    view = limiter.limit(ATTEMPTS_PER_ADDRESS, methods=["POST"])(view)
    return limiter.limit(
        FAILURES_PER_ACCOUNT, key_func=account_in_form, methods=["POST"], deduct_when=was_refused
    )(view)


def limit_writes(view):
    """Count `view`'s writes against one total per address, shared by every view it guards."""
    return limiter.shared_limit(WRITES_PER_ADDRESS, scope="writes", methods=WRITE_METHODS)(view)


def limit_api_writes(view):
    """Limit an API write like any other, and count its refused tokens against one total per
    address, shared by every API write.
    """
    view = limit_writes(view)
    return limiter.shared_limit(
        FAILED_TOKENS_PER_ADDRESS, scope="api tokens", deduct_when=was_unauthorized
    )(view)
