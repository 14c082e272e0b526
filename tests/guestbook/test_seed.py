"""`flask seed`: demo entries in batches."""

from sqlalchemy import func, select

from app.guestbook import cli
from app.guestbook.models import GuestbookEntry
from tests.database.helpers import committed


def test_seed_adds_the_requested_number_of_entries(app, monkeypatch):
    """--count N commits N entries, across several batches."""
    monkeypatch.setattr(cli, "BATCH_SIZE", 10)
    result = app.test_cli_runner().invoke(args=["seed", "--count", "25"])
    assert result.exit_code == 0, result.output
    assert "Added 25 guestbook entries." in result.output
    total = committed(select(func.count()).select_from(GuestbookEntry)).one()
    assert total == 25
    names = set(committed(select(GuestbookEntry.name)))
    assert {"Ada #1", "Grace #2", "Ada #9"} <= names


def test_seed_refuses_a_count_below_one(app):
    """--count 0 is a usage error, and nothing is added."""
    result = app.test_cli_runner().invoke(args=["seed", "--count", "0"])
    assert result.exit_code == 2
    assert "--count" in result.output
    assert committed(select(func.count()).select_from(GuestbookEntry)).one() == 0
