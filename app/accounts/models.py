"""The accounts layer's tables: users (an email and a hash of the password, never the
password), and the sign-in sessions each account has open.
"""

import secrets
from datetime import datetime
from functools import cache

from flask import current_app
from flask_login import UserMixin
from sqlalchemy import DateTime, ForeignKey, String, delete, select
from sqlalchemy.orm import Mapped, mapped_column
from werkzeug.security import check_password_hash, generate_password_hash

from app.accounts.signals import password_changed
from app.database import db
from app.database.models import utc_now

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
    """A random value that changes with every new password."""
    return secrets.token_urlsafe(16)


class User(UserMixin, db.Model):
    """An account: what Flask-Login signs in, and what owns entries and API tokens."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(EMAIL_MAX_LENGTH), unique=True)
    # Werkzeug's default method (scrypt today), with its parameters inside the string, so an
    # upgrade to a stronger default keeps old hashes readable.
    password_hash: Mapped[str] = mapped_column(String(255))
    # Replaced with every new password, so something made for the old one (a link to reset
    # the password, say) can carry a digest of it and stop working once the password changes.
    session_token: Mapped[str] = mapped_column(String(32), default=new_session_token)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    # When the owner proved the address is theirs, by a link sent to it; None until then.
    # A layer that sends email sets it; accounts only keep it.
    email_confirmed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    # The secret of the sign-in session this object was loaded for, which get_id() names (set
    # by app.accounts.sessions); an attribute of this object only, never stored.
    sign_in_secret = None

    def set_password(self, password: str) -> None:
        """Store a hash of `password`. For an existing account that ends every sign-in session
        and tells other layers (`password_changed`), in the unit of work the caller commits.
        """
        self.password_hash = generate_password_hash(password)
        self.session_token = new_session_token()
        if self.id is not None:
            db.session.execute(delete(UserSession).where(UserSession.user_id == self.id))
            password_changed.send(current_app._get_current_object(), user=self)

    def check_password(self, password: str) -> bool:
        """True if `password` is this account's password."""
        return check_password_hash(self.password_hash, password)

    def get_id(self) -> str:
        """What Flask-Login keeps in the session and the remember-me cookie: the account's id
        and its sign-in session's secret (Flask-Login's "alternative tokens"). Without a sign-in
        session, "<id>:", which signs no one in.
        """
        return f"{self.id}:{self.sign_in_secret or ''}"

    @classmethod
    def find_by_email(cls, email: str) -> "User | None":
        """The account with this email, in any letter case."""
        statement = select(cls).where(cls.email == normalise_email(email))
        return db.session.scalars(statement).one_or_none()

    def __repr__(self) -> str:
        """Show the id and email, for the shell and for test failures."""
        return f"<User {self.id} {self.email!r}>"


def password_matches(user: User | None, password: str) -> bool:
    """True if `password` is `user`'s; False for no account (an unknown email) and a wrong
    password alike, after the same work.
    """
    if user is None:
        check_password_hash(unusable_hash(), password)  # the same work as a real check
        return False
    return user.check_password(password)


class UserSession(db.Model):
    """One sign-in of an account, on one device: it ends when its owner signs out, when the
    password changes, when it expires, or with the account.
    """

    __tablename__ = "user_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    # SHA-256 of the secret the cookies carry: a copy of the database signs no one in.
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
