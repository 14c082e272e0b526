"""Accounts that have not confirmed their email may read and sign in, but not write, where
MAIL_REQUIRE_CONFIRMED is on (production's default): a hook before every request.
"""

from flask import abort, current_app, request
from flask_login import current_user

WRITE_METHODS = ("POST", "PUT", "PATCH", "DELETE")
# Where an unconfirmed account may still write: its own account (sign out, a new password,
# delete it) and this layer's pages (send the link again).
OPEN_BLUEPRINTS = ("accounts", "mail")
UNCONFIRMED = (
    "Confirm your email address first: open the link we sent you, or send a new one from "
    "your account page."
)


def refuse_unconfirmed_writes() -> None:
    """403 for a write from a signed-in account whose address is not confirmed yet."""
    if not current_app.config["MAIL_REQUIRE_CONFIRMED"] or request.method not in WRITE_METHODS:
        return
    if request.blueprint in OPEN_BLUEPRINTS:
        return
    # Only a write loads the account here, so reading a page costs nothing more.
    if current_user.is_authenticated and current_user.email_confirmed_at is None:
        abort(403, UNCONFIRMED)
