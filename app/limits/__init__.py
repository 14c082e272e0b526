"""The limits layer (Flask-Limiter): how often one client may write, try a password, have an
email sent, or send a wrong API token.

The limits apply to the whole app, so they guard every layer's views, yours too, without a
decorator on any of them. Past a limit the answer is 429 with Retry-After, as the error page
or the API's JSON error. Counts are per client address (behind nginx, the one ProxyFix reads
from X-Forwarded-For), and for sign-ins and emails also per email address. docs/limits.md
explains the figures.
"""

import logging
import os

from flask import Flask, current_app, request
from flask.logging import default_handler
from flask_limiter import ApplicationLimit, Limiter, RateLimitExceeded
from flask_limiter.util import get_remote_address
from werkzeug.datastructures import MultiDict

from app.errors import PLAIN_MESSAGES, render_error
from app.limits.settings import limits_settings

NEEDS = ()
WRITE_METHODS = ["POST", "PUT", "PATCH", "DELETE"]


def not_an_account_page() -> bool:
    """True for every request but those to the endpoints in RATELIMIT_ACCOUNT_PAGES."""
    return request.endpoint not in current_app.config["RATELIMIT_ACCOUNT_PAGES"]


def email_in_body() -> str:
    """The email a sign-in (or a reset request) names, trimmed and in lower case, read where
    the page's form reads it: the form's fields, else a JSON body (Flask-WTF reads both).
    """
    if request.form:
        email = request.form.get("email")
    elif request.is_json and isinstance(body := request.get_json(silent=True), dict):
        email = MultiDict(body).get("email")  # as the form reads it: a list's first value
    else:
        email = None
    return "" if email is None else str(email).strip().lower()


def account_named() -> str:
    """The account a request names, as the key of its counts."""
    return "account:" + email_in_body()


def no_account_named() -> bool:
    """True for every request but a POST to an account page that names an email: one that
    names none has no password checked, and is counted per address only.
    """
    return not_an_account_page() or not email_in_body()


def no_email_named() -> bool:
    """True for every request but a POST to a page in RATELIMIT_MAIL_PAGES naming an email."""
    return request.endpoint not in current_app.config["RATELIMIT_MAIL_PAGES"] or not (
        email_in_body()
    )


def was_refused(response) -> bool:
    """True for an answer that refused what was sent (a wrong password, a taken email)."""
    return response.status_code == 400


def was_unauthorized(response) -> bool:
    """True for an answer that refused the credentials (an API token)."""
    return response.status_code == 401


LIMITS = [
    # Every write from one address, to any page, counted together: faster than anyone types,
    # slower than a spammer.
    ApplicationLimit("30 per minute; 300 per hour", scope="writes", methods=WRITE_METHODS),
    # Writes refused for a missing or wrong token, from one address, all counted together.
    ApplicationLimit(
        "10 per minute", scope="refused tokens", methods=WRITE_METHODS, deduct_when=was_unauthorized
    ),
    # Every sign-in or sign-up sent from one address: plenty for a person who mistypes, too
    # few for a script that guesses.
    ApplicationLimit(
        "10 per minute; 100 per hour",
        scope="account attempts",
        methods=["POST"],
        exempt_when=not_an_account_page,
    ),
    # Failed sign-ins (or sign-ups) naming one account, from any number of addresses:
    # guessing one password from a botnet is as slow as from one machine.
    ApplicationLimit(
        "10 per minute; 50 per hour",
        scope="account failures",
        key_function=account_named,
        methods=["POST"],
        exempt_when=no_account_named,
        deduct_when=was_refused,
    ),
    # Every POST naming one account, counted as it arrives, from any address. A failure above
    # counts only once answered, so guesses sent all at once would all have their password
    # checked; this caps such a burst at the ten failures allowed, and one more.
    ApplicationLimit(
        "11 per minute",
        scope="account tries",
        key_function=account_named,
        methods=["POST"],
        exempt_when=no_account_named,
    ),
    # Emails sent to one address (a reset link, a confirmation), whoever asks: enough for a
    # person who waits for a slow email, too few to flood anyone's inbox.
    ApplicationLimit(
        "5 per hour",
        scope="emails",
        key_function=account_named,
        methods=["POST"],
        exempt_when=no_email_named,
    ),
]
limiter = Limiter(key_func=get_remote_address, application_limits=LIMITS)


@limiter.request_filter
def is_a_read() -> bool:
    """True for GET, HEAD and OPTIONS: every limit counts writes, so a page that is read is
    let through before Flask-Limiter works out which limits apply (most of its cost).
    """
    return request.method in ("GET", "HEAD", "OPTIONS")


def init_app(app: Flask) -> None:
    """Count requests against the limits, explain a 429 in plain words, and let the
    limiter's warnings be seen.
    """
    for name, value in limits_settings(os.environ, app.config["APP_ENV"]).items():
        app.config.setdefault(name, value)
    limiter.init_app(app)
    app.register_error_handler(RateLimitExceeded, explain_rate_limit)
    # Flask-Limiter warns on its own logger when its storage stops answering, but that logger
    # holds a NullHandler, which keeps Python from printing the warning when logging is not
    # set up (as under gunicorn). Then it goes where Flask writes the app's own lines.
    if not logging.getLogger().handlers:
        limiter.logger.addHandler(default_handler)


def explain_rate_limit(error: RateLimitExceeded):
    """The 429 answer; Flask-Limiter adds Retry-After to it."""
    return render_error(error, PLAIN_MESSAGES[429])
