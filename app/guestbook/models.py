"""The guestbook's table."""

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db
from app.models import MAX_INTEGER, utc_now

NAME_MAX_LENGTH = 80
MESSAGE_MAX_LENGTH = 500
MAX_ENTRY_ID = MAX_INTEGER  # routes answer 404 above it


class GuestbookEntry(db.Model):
    """A signed message left by a visitor."""

    __tablename__ = "guestbook_entries"

    # The id grows with every insert, so "newest first" is "highest id first", which
    # the primary-key index already serves for keyset pagination.
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(NAME_MAX_LENGTH))
    message: Mapped[str] = mapped_column(String(MESSAGE_MAX_LENGTH))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    # The account that wrote the entry, the only one that may change it. Entries from before
    # accounts (and demo entries) have none: they are shown, and no one can change them.
    # Deleting an account deletes its entries in the database itself.
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )

    def is_written_by(self, user_id: int | None) -> bool:
        """True if the account `user_id` wrote this entry (never for an entry without one)."""
        return self.author_id is not None and self.author_id == user_id

    def __repr__(self) -> str:
        """Show the id and author, for the shell and for test failures."""
        return f"<GuestbookEntry {self.id} by {self.name!r}>"
