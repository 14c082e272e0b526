"""The links in the emails: signed with the app's SECRET_KEY, timed, one salt per purpose.

Nothing is stored for a link: itsdangerous signs what it says (the account's id and more),
so it can't be forged or altered, and refuses it after its maximum age. A bad link is an HTTP
error with a message that says what to do, shown in the site's layout.
"""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from werkzeug.exceptions import BadRequest, Forbidden, NotFound

from app.accounts.models import User
from app.database import db

ALTERED = "This link is not valid: check that you opened all of it."
EXPIRED = "This link has expired."
STALE = "This link was used already, or the account changed since it was sent."
ANOTHER_ACCOUNT = "This link is for another account. Sign out, then open it again."
GONE = "The account this link is for no longer exists."


@dataclass(frozen=True)
class LinkKind:
    """One purpose of a link: its salt (so one kind never passes for another), the setting of
    its maximum age, and where to ask for a new one.
    """

    salt: str
    max_age_setting: str
    ask_again: str

    def max_age(self) -> timedelta:
        """How long a link of this kind works."""
        return current_app.config[self.max_age_setting]


CONFIRM = LinkKind(
    "mail.confirm-email", "MAIL_CONFIRM_MAX_AGE", "Send a new one from your account page."
)
RESET = LinkKind(
    "mail.reset-password",
    "MAIL_RESET_MAX_AGE",
    'Ask for a new one from the sign-in page ("Forgot your password?").',
)


def serializer(kind: LinkKind) -> URLSafeTimedSerializer:
    """A serializer on the app's keys; the fallbacks still open links sent before a new
    SECRET_KEY, as they do sessions (the current key comes last, as Flask's sessions order it).
    """
    keys = [*current_app.config["SECRET_KEY_FALLBACKS"], current_app.secret_key]
    return URLSafeTimedSerializer(keys, salt=kind.salt)


def password_digest(user: User) -> str:
    """A digest of the account's session token, which changes with every new password. The
    email shows the digest, never the token itself.
    """
    return hashlib.sha256(user.session_token.encode()).hexdigest()[:32]


def confirm_token(user: User) -> str:
    """The token of a confirmation link: the account, and the address it confirms."""
    return serializer(CONFIRM).dumps({"id": user.id, "email": user.email})


def reset_token(user: User) -> str:
    """The token of a reset link: the account, and its password as of now (by digest), so
    the link stops working once the password changes, by this link or any other way.
    """
    return serializer(RESET).dumps({"id": user.id, "password": password_digest(user)})


def account_of_confirm_link(token: str, signed_in) -> User:
    """The account a confirmation link names, if it still has the address the link confirms."""
    user, payload = read_link(token, CONFIRM, signed_in)
    if payload["email"] != user.email:
        raise BadRequest(f"{STALE} {CONFIRM.ask_again}")
    return user


def account_of_reset_link(token: str, signed_in) -> User:
    """The account a reset link names, if its password has not changed since it was sent."""
    user, payload = read_link(token, RESET, signed_in)
    if not secrets.compare_digest(payload["password"], password_digest(user)):
        raise BadRequest(f"{STALE} {RESET.ask_again}")
    return user


def read_link(token: str, kind: LinkKind, signed_in) -> tuple[User, dict]:
    """The account a link of `kind` names and what the link says, or an HTTP error: 400 for a
    link altered or too old, 404 for a deleted account, 403 when the visitor is signed in as
    someone else than the account (`signed_in` is Flask-Login's current user).
    """
    try:
        payload = serializer(kind).loads(token, max_age=int(kind.max_age().total_seconds()))
    except SignatureExpired:
        raise BadRequest(f"{EXPIRED} {kind.ask_again}") from None
    except BadSignature:
        raise BadRequest(f"{ALTERED} {kind.ask_again}") from None
    user = db.session.get(User, payload["id"])
    if user is None:
        raise NotFound(GONE)
    if signed_in.is_authenticated and signed_in.id != user.id:
        raise Forbidden(ANOTHER_ACCOUNT)
    return user, payload
