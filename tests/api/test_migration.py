"""The API's tokens arrive in the API's own migration, which adds and removes only them."""

import flask_migrate
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from app.extensions import db, migrate

API_REVISION = "6422264e64ac"  # migrations/versions/2026_11_26_6422264e64ac_add_api_tokens.py


def test_the_api_migration_adds_and_removes_only_the_token_table(make_app):
    """Stepping back below it drops api_tokens and keeps the guestbook; forward restores it.

    It holds wherever the migration sits in the chain, even under migrations added later.
    """
    app = make_app()
    with app.app_context():
        parent = ScriptDirectory.from_config(migrate.get_config()).get_revision(API_REVISION)
        flask_migrate.upgrade()
        assert {"guestbook_entries", "api_tokens"} <= set(inspect(db.engine).get_table_names())
        flask_migrate.downgrade(revision=parent.down_revision)
        tables = set(inspect(db.engine).get_table_names())
        assert "api_tokens" not in tables
        assert "guestbook_entries" in tables
        flask_migrate.upgrade()
        assert "api_tokens" in set(inspect(db.engine).get_table_names())
