"""`flask seed`: fill the guestbook with demo entries, in batches, for a million rows too."""

import itertools

import click
from flask.cli import with_appcontext
from sqlalchemy import insert

from app.database import db
from app.guestbook.models import GuestbookEntry

DEMO_NAMES = ("Ada", "Grace", "Linus", "Guido", "Margaret", "Ken", "Barbara", "Dennis")
DEMO_MESSAGES = (
    "Cloned it, ran two commands, and it worked.",
    "Lovely little guestbook!",
    "Greetings from the test suite.",
    "Keyset pagination keeps this page fast.",
    "Hello from a demo entry.",
)
BATCH_SIZE = 10_000


def demo_rows(count: int):
    """Yield `count` entries as dicts, cycling through the demo names and messages."""
    names, messages = itertools.cycle(DEMO_NAMES), itertools.cycle(DEMO_MESSAGES)
    for number in range(1, count + 1):
        yield {"name": f"{next(names)} #{number}", "message": next(messages)}


@click.command("seed")
@click.option("--count", default=100, show_default=True, type=click.IntRange(min=1))
@with_appcontext
def seed(count: int) -> None:
    """Add COUNT demo entries to the guestbook."""
    rows = demo_rows(count)
    with click.progressbar(length=count, label="Adding guestbook entries") as progress:
        while batch := list(itertools.islice(rows, BATCH_SIZE)):
            # One multi-row INSERT and one commit per batch, rather than one per row.
            db.session.execute(insert(GuestbookEntry), batch)
            db.session.commit()
            progress.update(len(batch))
    click.echo(f"Added {count} guestbook entries.")
