"""The users table: an email to sign in with and a hash of the password, never the password."""

import secrets
from datetime import datetime
from functools import cache

from flask_login import UserMixin
from sqlalchemy import DateTime, String, select
from sqlalchemy.orm import Mapped, mapped_column
from werkzeug.security import check_password_hash, generate_password_hash

from app.database import db
from app.database.models import MAX_INTEGER, utc_now

EMAIL_MAX_LENGTH = 254  # the longest address SMTP can deliver to
PASSWORD_MIN_LENGTH = 8
PASSWORD_MAX_LENGTH = 200


@cache
def unusable_hash() -> str:
    """A hash no password matches, made on first use (hashing is slow on purpose).

    Checked against when no account has the email, so an unknown email costs as much time
    as a wrong password and the answer's timing does not tell which one it was.
    """
    return generate_password_hash(secrets.token_urlsafe(16))


def normalise_email(email: str) -> str:
    """The form an email is stored and looked up in: trimmed and lower-case, so that
    Ada@Example.com and ada@example.com are one account.
    """
    return email.strip().lower()


def new_session_token() -> str:
    """A random value that ties sign-in sessions to the current password."""
    return secrets.token_urlsafe(16)


class User(UserMixin, db.Model):
    """An account: what Flask-Login signs in, and what owns entries and API tokens."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(EMAIL_MAX_LENGTH), unique=True)
    # Werkzeug's default method (scrypt today), with its parameters inside the string, so an
    # upgrade to a stronger default keeps old hashes readable.
    password_hash: Mapped[str] = mapped_column(String(255))
    # Part of the id kept in the session and the remember-me cookie: a new password gets a
    # new token, which signs out every other session (Flask-Login's "alternative tokens").
    session_token: Mapped[str] = mapped_column(String(32), default=new_session_token)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    # When the owner proved the address is theirs, by a link sent to it; None until then.
    # A layer that sends email sets it; accounts only keep it.
    email_confirmed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    def set_password(self, password: str) -> None:
        """Store a hash of `password`, and sign out the sessions made with the old one."""
        self.password_hash = generate_password_hash(password)
        self.session_token = new_session_token()

    def check_password(self, password: str) -> bool:
        """True if `password` is this account's password."""
        return check_password_hash(self.password_hash, password)

    def get_id(self) -> str:
        """What Flask-Login keeps in the session: the id and the current session token."""
        return f"{self.id}:{self.session_token}"

    @classmethod
    def find_by_email(cls, email: str) -> "User | None":
        """The account with this email, in any letter case."""
        statement = select(cls).where(cls.email == normalise_email(email))
        return db.session.scalars(statement).one_or_none()

    @classmethod
    def authenticate(cls, email: str, password: str) -> "User | None":
        """The account if the email and password match; None for either mistake alike."""
        user = cls.find_by_email(email)
        if user is None:
            check_password_hash(unusable_hash(), password)  # the same work as a real check
            return None
        return user if user.check_password(password) else None

    def __repr__(self) -> str:
        """Show the id and email, for the shell and for test failures."""
        return f"<User {self.id} {self.email!r}>"


def load_user(user_id: str) -> User | None:
    """Flask-Login's user loader: the account a session names, if its token still matches.

    None (signed out) when the account was deleted or its password changed since.
    """
    number, _, token = user_id.partition(":")
    if not number.isdecimal() or int(number) > MAX_INTEGER:  # beyond the id column: no one
        return None
    user = db.session.get(User, int(number))
    if user is None or not secrets.compare_digest(user.session_token, token):
        return None
    return user
