"""Entries get authors by migration: the ones signed before accounts existed stay, authorless."""

from datetime import UTC, datetime

import flask_migrate
from alembic.script import ScriptDirectory
from sqlalchemy import DateTime, String, column, insert, inspect, select, table

from app.extensions import db, migrate
from app.guestbook.models import GuestbookEntry

# migrations/versions/2026_12_01_405f72454284_create_users.py, the first of accounts'.
USERS_REVISION = "405f72454284"
# The entries table as it was before, without the model (which has author_id now).
ENTRIES_BEFORE_ACCOUNTS = table(
    "guestbook_entries",
    column("name", String),
    column("message", String),
    column("created_at", DateTime(timezone=True)),
)


def test_an_entry_from_before_accounts_keeps_its_row_with_no_author(make_app):
    """Upgrading a database that has entries keeps every one, with author_id NULL.

    On SQLite the migration copies the whole table to add the foreign key: the rows must
    survive the copy. It holds wherever the accounts' migrations sit in the chain.
    """
    app = make_app()
    with app.app_context():
        scripts = ScriptDirectory.from_config(migrate.get_config())
        flask_migrate.upgrade(revision=scripts.get_revision(USERS_REVISION).down_revision)
        assert "users" not in inspect(db.engine).get_table_names()
        with db.engine.begin() as connection:
            connection.execute(
                insert(ENTRIES_BEFORE_ACCOUNTS).values(
                    name="Ada", message="Signed before accounts", created_at=datetime.now(UTC)
                )
            )
        flask_migrate.upgrade()
        entries = db.session.scalars(select(GuestbookEntry)).all()
        assert [(e.name, e.message, e.author_id) for e in entries] == [
            ("Ada", "Signed before accounts", None)
        ]
        assert "users" in inspect(db.engine).get_table_names()
