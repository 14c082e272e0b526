"""The guestbook, the layer that uses all the others (form -> model -> list), owned by its authors,
with `flask seed` to fill it.
"""

from flask import Flask

from app.database import db
from app.guestbook.cli import seed
from app.guestbook.models import GuestbookEntry
from app.guestbook.routes import bp
from app.layout import add_home_card, add_nav_link

NEEDS = ("accounts",)


def init_app(app: Flask) -> None:
    """Add the guestbook's pages, its link and card, `flask seed`, and `flask shell` names."""
    app.config.setdefault("GUESTBOOK_PAGE_SIZE", 20)
    app.register_blueprint(bp, url_prefix="/guestbook")
    app.cli.add_command(seed)
    # `flask shell` starts with the model imported.
    app.shell_context_processor(lambda: {"db": db, "GuestbookEntry": GuestbookEntry})
    add_nav_link(app, "Guestbook", "guestbook.list_entries", section="guestbook")
    add_home_card(app, "guestbook/_card.html")
