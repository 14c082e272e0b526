"""`flask shell` starts with the database and the guestbook's model imported."""

from app.database import db
from app.guestbook.models import GuestbookEntry


def test_flask_shell_starts_with_db_and_the_model(app):
    """The guestbook puts db and GuestbookEntry in the shell's namespace."""
    context = app.make_shell_context()
    assert context["db"] is db
    assert context["GuestbookEntry"] is GuestbookEntry
