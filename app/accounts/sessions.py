"""Sign-in sessions, kept on the server, so that signing out ends one for good.

Each sign-in adds a row to user_sessions with a random secret. The session cookie, and the
remember-me cookie, carry "<account id>:<secret>" (User.get_id(), Flask-Login's "alternative
tokens"); the table keeps only the secret's SHA-256. A copied cookie stops working once its
row goes: at sign-out, at a new password, at the row's expiry, or with the account.
"""

import hashlib
import secrets
from datetime import timedelta

from flask_login import AnonymousUserMixin
from sqlalchemy import delete, select

from app.accounts.models import User, UserSession
from app.database import db
from app.database.models import MAX_INTEGER, utc_now


def hash_secret(secret: str) -> str:
    """SHA-256 of a session's secret: 256 random bits, which no one can guess or brute-force.

    Rows are found by this hash, so no comparison of the secret itself can leak by its timing.
    """
    return hashlib.sha256(secret.encode()).hexdigest()


def open_session(user: User, lifetime: timedelta) -> None:
    """Add a sign-in session of `user` that lasts `lifetime`, for the caller to commit, and
    make it the one `user.get_id()` names. The account's expired sessions go meanwhile.
    """
    now = utc_now()
    db.session.execute(
        delete(UserSession).where(UserSession.user_id == user.id, UserSession.expires_at <= now)
    )
    secret = secrets.token_urlsafe(32)
    row = UserSession(
        user_id=user.id, token_hash=hash_secret(secret), created_at=now, expires_at=now + lifetime
    )
    db.session.add(row)
    user.sign_in_secret = secret


def close_session(user: User | AnonymousUserMixin) -> None:
    """Delete the sign-in session `user` was loaded for (for the caller to commit), if any."""
    if user.is_authenticated:
        token_hash = hash_secret(user.sign_in_secret)
        db.session.execute(delete(UserSession).where(UserSession.token_hash == token_hash))


def load_user(user_id: str) -> User | None:
    """Flask-Login's user loader: the account a session or remember-me cookie names, if that
    sign-in session still exists and has not expired; None (signed out) otherwise.
    """
    number, _, secret = user_id.partition(":")
    if not number.isdecimal() or int(number) > MAX_INTEGER:  # beyond the id column: no one
        return None
    statement = (
        select(User)
        .join(UserSession, UserSession.user_id == User.id)
        .where(
            UserSession.token_hash == hash_secret(secret),
            UserSession.user_id == int(number),
            UserSession.expires_at > utc_now(),
        )
    )
    user = db.session.scalars(statement).one_or_none()
    if user is not None:
        user.sign_in_secret = secret
    return user
