"""The guestbook: every layer together (form -> model -> list), with a seeding command."""

from app.extensions import db
from app.guestbook.cli import seed
from app.guestbook.models import GuestbookEntry
from app.guestbook.routes import bp

bp.cli.add_command(seed)
# `flask shell` starts with the model imported.
bp.record_once(
    lambda state: state.app.shell_context_processor(
        lambda: {"db": db, "GuestbookEntry": GuestbookEntry}
    )
)

__all__ = ["bp"]
