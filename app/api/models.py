"""API tokens: only a hash of each is stored, so a database leak reveals no usable token."""

import hashlib
import secrets
from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, String, UniqueConstraint, select
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.accounts.models import User
from app.database import db
from app.database.models import utc_now

TOKEN_NAME_MAX_LENGTH = 80


def hash_token(token: str) -> str:
    """SHA-256 of a token: enough for 256 random bits, which no one can guess or brute-force."""
    return hashlib.sha256(token.encode()).hexdigest()


class ApiToken(db.Model):
    """A named bearer token that may write through the API until it is revoked."""

    __tablename__ = "api_tokens"
    # Each account names its tokens as it likes; two accounts may both have a "laptop".
    __table_args__ = (UniqueConstraint("user_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # The account the token acts for: it can change only that account's entries.
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    user: Mapped[User] = relationship()
    name: Mapped[str] = mapped_column(String(TOKEN_NAME_MAX_LENGTH))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    @classmethod
    def issue(cls, user_id: int, name: str) -> tuple["ApiToken", str]:
        """A new token row for the account `user_id`, and the secret itself, which is shown
        once and never stored.
        """
        secret = secrets.token_urlsafe(32)
        return cls(user_id=user_id, name=name, token_hash=hash_token(secret)), secret

    @classmethod
    def find_active(cls, secret: str) -> "ApiToken | None":
        """The unrevoked token whose secret this is, if any."""
        statement = select(cls).where(
            cls.token_hash == hash_token(secret), cls.revoked_at.is_(None)
        )
        return db.session.scalars(statement).one_or_none()
