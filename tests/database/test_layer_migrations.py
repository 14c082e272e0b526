"""Taking a layer out takes its migrations out: from the chain, and from the database.

The tests run on a chain of their own, so they hold whichever layers the kit still has:
`first` (table_a), then a layer's `middle` (table_b), then a user's `last` (table_c).
"""

import shutil
from pathlib import Path

import click
import flask_migrate
import pytest
from sqlalchemy import inspect

from app.extensions import db, migrate
from app.layer_migrations import forget_migrations

PROJECT_ROOT = Path(__file__).resolve().parents[2]
MIGRATION = '''"""create {table}

Revision ID: {revision}
Revises: {parent}
"""

import sqlalchemy as sa
from alembic import op

revision = "{revision}"
down_revision = {down_revision}
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("{table}", sa.Column("id", sa.Integer, primary_key=True))


def downgrade():
    op.drop_table("{table}")
'''


def write_migration(folder: Path, revision: str, parent: str | None, table: str) -> Path:
    """A migration file that creates `table`, revising `parent`."""
    path = folder / "versions" / f"{revision}.py"
    down_revision = f'"{parent}"' if parent else "None"
    path.write_text(
        MIGRATION.format(
            table=table, revision=revision, parent=parent or "", down_revision=down_revision
        )
    )
    return path


@pytest.fixture
def chain(make_app, tmp_path, monkeypatch):
    """An app on a database of its own, with the migrations environment and three migrations."""
    migrations = tmp_path / "migrations"
    shutil.copytree(PROJECT_ROOT / "migrations", migrations, ignore=shutil.ignore_patterns("*.py"))
    shutil.copy(PROJECT_ROOT / "migrations" / "env.py", migrations)
    shutil.rmtree(migrations / "versions", ignore_errors=True)
    (migrations / "versions").mkdir()
    paths = {
        "first": write_migration(migrations, "first", None, "table_a"),
        "middle": write_migration(migrations, "middle", "first", "table_b"),
        "last": write_migration(migrations, "last", "middle", "table_c"),
    }
    monkeypatch.setattr(migrate, "directory", str(migrations))  # the kit's Migrate(directory=)
    app = make_app()
    with app.app_context():
        yield paths
        db.engine.dispose()


def tables() -> set[str]:
    """The tables the app's database holds now."""
    return set(inspect(db.engine).get_table_names()) - {"alembic_version"}


def current_revision() -> str | None:
    """The revision the database records."""
    with db.engine.connect() as connection:
        return connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def remove(paths: list[Path]) -> list[str]:
    """Do what `flask layers remove` does: the step, then deleting the files."""
    notes = forget_migrations(paths, True)
    for path in paths:
        path.unlink()
    return notes


def test_the_plan_names_each_change_and_changes_nothing(chain):
    flask_migrate.upgrade()
    notes = forget_migrations([chain["middle"]], False)
    assert notes == [
        "Takes out the migration middle (create table_b)",
        f"Drops its tables from the database ({db.engine.url.database})",
        "Makes last revise first instead",
    ]
    assert tables() == {"table_a", "table_b", "table_c"}
    assert 'down_revision = "middle"' in chain["last"].read_text()


def test_a_layer_between_two_migrations_leaves_the_chain_and_the_database(chain):
    flask_migrate.upgrade()
    remove([chain["middle"]])
    assert tables() == {"table_a", "table_c"}
    assert current_revision() == "last"
    assert 'down_revision = "first"' in chain["last"].read_text()
    assert "Revises: first\n" in chain["last"].read_text()
    # The chain holds together: down to nothing and back up again.
    flask_migrate.downgrade(revision="base")
    assert tables() == set()
    flask_migrate.upgrade()
    assert tables() == {"table_a", "table_c"}


def test_removing_the_newest_migration_records_the_one_before(chain):
    flask_migrate.upgrade()
    remove([chain["last"]])
    assert current_revision() == "middle"
    flask_migrate.upgrade()
    assert tables() == {"table_a", "table_b"}


def test_removing_the_oldest_migrations_starts_the_chain_at_what_remains(chain):
    flask_migrate.upgrade(revision="middle")
    remove([chain["first"], chain["middle"]])
    assert "Revises:\n" in chain["last"].read_text()
    assert "down_revision = None" in chain["last"].read_text()
    assert tables() == set()
    flask_migrate.upgrade()
    assert tables() == {"table_c"}


def test_removing_the_whole_folder_empties_the_database(chain):
    flask_migrate.upgrade()
    forget_migrations([chain["first"].parent.parent], True)
    assert tables() == set()
    assert current_revision() is None


def test_a_new_database_only_loses_the_files(chain):
    notes = remove([chain["middle"]])
    assert not any("Drops" in note for note in notes)
    flask_migrate.upgrade()
    assert tables() == {"table_a", "table_c"}


def test_paths_that_hold_no_migration_change_nothing(chain, tmp_path):
    assert forget_migrations([tmp_path / "app" / "feature"], True) == []


def test_an_unreachable_database_stops_the_removal(make_app, chain):
    down = make_app(database_url="postgresql://nobody@127.0.0.1:1/none")
    with down.app_context(), pytest.raises(click.ClickException, match="Cannot reach"):
        forget_migrations([chain["middle"]], False)
