"""The API's tokens arrived in the second migration: the schema evolves one revision at a time."""

import flask_migrate
from sqlalchemy import inspect

from app.extensions import db


def test_the_second_revision_adds_and_removes_only_the_token_table(make_app):
    """Stepping back one revision drops api_tokens and keeps the guestbook; forward restores it."""
    app = make_app()
    with app.app_context():
        flask_migrate.upgrade()
        assert {"guestbook_entries", "api_tokens"} <= set(inspect(db.engine).get_table_names())
        flask_migrate.downgrade(revision="-1")
        tables = set(inspect(db.engine).get_table_names())
        assert "api_tokens" not in tables
        assert "guestbook_entries" in tables
        flask_migrate.upgrade()
        assert "api_tokens" in set(inspect(db.engine).get_table_names())
