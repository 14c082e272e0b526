"""The database layer's fixtures: a throwaway database, the app on it, a rollback per test.

They extend the core fixtures in tests/app_fixtures.py. The suite runs on SQLite by default.
Set TEST_DATABASE_URL to a PostgreSQL server (for example
postgresql://postgres@127.0.0.1:5432/postgres) and the same tests run there: each run creates
its own database on that server and drops it at the end, so the tests never touch
development data.
"""

import os
from collections.abc import Callable, Iterator
from contextlib import ExitStack

import flask_migrate
import pytest
from flask import Flask, has_app_context
from sqlalchemy import create_engine, event
from sqlalchemy.exc import OperationalError

from app.database import db
from app.database.settings import database_settings, normalise_database_url
from tests.database.helpers import throwaway_database
from tests.helpers import needs_missing_tool

LOCAL_POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/postgres"


@pytest.fixture(scope="session")
def make_database(tmp_path_factory) -> Iterator[Callable[..., str]]:
    """A factory of new databases, on the suite's engine unless told otherwise."""
    with ExitStack() as stack:

        def create(server_url: str | None = os.environ.get("TEST_DATABASE_URL")) -> str:
            """Create an empty database on `server_url` and return its URL."""
            sqlite_dir = tmp_path_factory.mktemp("db")
            return stack.enter_context(throwaway_database(server_url, sqlite_dir))

        yield create


@pytest.fixture(scope="session")
def postgres_server_url() -> str:
    """A PostgreSQL server, for the few tests that need a network database on either leg."""
    # .ci/run names CI's server in PG_SERVER_URL (on GitHub it is not on 127.0.0.1).
    url = (
        os.environ.get("TEST_DATABASE_URL") or os.environ.get("PG_SERVER_URL") or LOCAL_POSTGRES_URL
    )
    engine = create_engine(normalise_database_url(url))
    try:
        engine.connect().close()
    except OperationalError:
        needs_missing_tool(
            f"needs PostgreSQL at {url}: start it, or point TEST_DATABASE_URL at one"
        )
    finally:
        engine.dispose()
    return url


@pytest.fixture(scope="session")
def make_app(make_app, make_database) -> Iterator[Callable[..., Flask]]:
    """The core factory, with each app on a new database, all closed at the end of the run."""
    with ExitStack() as stack:

        def build(database_url: str | None = None, **overrides) -> Flask:
            """Create an app on `database_url` (default: a new database), with `overrides`."""
            settings = database_settings({"DATABASE_URL": database_url or make_database()})
            new_app = make_app(**settings, **overrides)
            stack.callback(dispose_engines, new_app)
            return new_app

        yield build


def dispose_engines(app: Flask) -> None:
    """Close the app's pooled connections (an unclosed psycopg connection warns)."""
    with app.app_context():
        db.engine.dispose()


@pytest.fixture(scope="session")
def app(make_app) -> Flask:
    """The app every test uses, on a database built by the shipped migrations."""
    app = make_app()
    with app.app_context():
        flask_migrate.upgrade()
        db.engine.dispose()  # connections made from here on get the listeners below
        if db.engine.dialect.name == "sqlite":
            use_explicit_sqlite_transactions(db.engine)
        # A view's commit() then ends a SAVEPOINT, never the test's outer transaction.
        db.session.remove()
        db.session.configure(join_transaction_mode="create_savepoint")
    return app


def use_explicit_sqlite_transactions(engine) -> None:
    """Let SQLAlchemy emit BEGIN itself: pysqlite defers it, which breaks SAVEPOINTs.

    This is SQLAlchemy's documented recipe for the pysqlite driver; without it a released
    SAVEPOINT commits for real and rows leak from one test into the next.
    """

    @event.listens_for(engine, "connect")
    def disable_pysqlite_transactions(dbapi_connection, _record):
        """Stop pysqlite from issuing BEGIN on its own."""
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def begin_explicitly(connection):
        """Start the transaction the moment SQLAlchemy asks for one."""
        connection.exec_driver_sql("BEGIN")


@pytest.fixture(autouse=True)
def rollback_after_test(app) -> Iterator[None]:
    """Run each test inside a transaction that is rolled back, so no test sees another's rows.

    Flask-SQLAlchemy binds its sessions to `db.engines`, so the test swaps the default
    engine for one connection with an open transaction, and rolls that back at the end.
    This is the maintainers' recipe from pallets-eco/flask-sqlalchemy#1171 (binding the
    session itself does not work: #1167).
    """
    with app.app_context():
        engines = db.engines  # the app's own mapping: changes to it outlive this context
    engine = engines[None]
    connection = engine.connect()
    transaction = connection.begin()
    engines[None] = connection
    yield
    # pytest-flask's request context may still be open: close the session it holds first.
    if has_app_context():
        db.session.remove()
    transaction.rollback()
    connection.close()
    engines[None] = engine
