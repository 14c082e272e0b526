"""The guestbook's table, and the queries its pages and the API share."""

from datetime import datetime

from flask import abort
from sqlalchemy import DateTime, ForeignKey, String, select
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.accounts.models import User
from app.database import db
from app.database.models import MAX_INTEGER, utc_now
from app.guestbook.pagination import KeysetPages

NAME_MAX_LENGTH = 80
MESSAGE_MAX_LENGTH = 500
MAX_ENTRY_ID = MAX_INTEGER  # routes answer 404 above it
NOT_YOURS_MESSAGE = "Only the person who wrote this entry can change it."


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
    author: Mapped[User | None] = relationship()

    def is_written_by(self, user_id: int | None) -> bool:
        """True if the account `user_id` wrote this entry (never for an entry without one)."""
        return self.author_id is not None and self.author_id == user_id

    def __repr__(self) -> str:
        """Show the id and author, for the shell and for test failures."""
        return f"<GuestbookEntry {self.id} by {self.name!r}>"


# Every list of entries, newest first: the HTML list and the API's (paginated by id). A list
# reads only the columns it shows, as plain rows, straight from the table (a Core select):
# nothing on a list is changed, so it needs no model objects, and a Core statement skips the
# ORM's per-query setup, which costs more than the query itself (docs/performance.md). Pages
# that change an entry load the model, as usual.
ENTRY_COLUMNS = GuestbookEntry.__table__.c
ENTRY_PAGES = KeysetPages(
    select(ENTRY_COLUMNS.id, ENTRY_COLUMNS.name, ENTRY_COLUMNS.message, ENTRY_COLUMNS.created_at),
    ENTRY_COLUMNS.id,
)


def entry_written_by(author_id: int, entry_id: int) -> GuestbookEntry:
    """The entry, if the account `author_id` wrote it: 404 if there is none, 403 if another's.

    The HTML pages and the API both change entries only through this.
    """
    entry = db.get_or_404(GuestbookEntry, entry_id)
    if not entry.is_written_by(author_id):
        abort(403, NOT_YOURS_MESSAGE)
    return entry
