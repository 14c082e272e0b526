"""The database layer's fixtures: a throwaway database, the app on it, a rollback per test.

They extend the core fixtures in tests/fixtures.py. The suite runs on SQLite by default.
Set TEST_DATABASE_URL to a PostgreSQL server (for example
postgresql://postgres@127.0.0.1:5432/postgres) and the same tests run there: each app
gets a database of its own on that server, made when the app first connects to it (most apps
of the suite never do) and dropped at the end of the run, so the tests never touch
development data.

The few tests that need PostgreSQL whatever the leg (a server they can cut off, say) are
marked `servers` and ask for `postgres_server_url`: TEST_POSTGRES_URL, or TEST_DATABASE_URL
on the PostgreSQL leg.
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
from tests.database.helpers import ThrowawayDatabase, is_postgresql, throwaway_database
from tests.helpers import needs_missing_tool

POSTGRES_EXAMPLE = "postgresql://postgres@127.0.0.1:5432/postgres"


@pytest.fixture(scope="session")
def suite_server_url() -> str | None:
    """TEST_DATABASE_URL, the PostgreSQL server the suite runs on; None to run on SQLite."""
    url = os.environ.get("TEST_DATABASE_URL") or None
    if url and not is_postgresql(url):
        raise pytest.UsageError(
            f"TEST_DATABASE_URL must name a PostgreSQL server, such as {POSTGRES_EXAMPLE}, "
            "or be unset to run on SQLite"
        )
    return url


@pytest.fixture(scope="session")
def make_database(tmp_path_factory, suite_server_url) -> Iterator[Callable[..., str]]:
    """A factory of new databases, made at once, on the suite's server unless told otherwise."""
    with ExitStack() as stack:

        def create(server_url: str | None = suite_server_url) -> str:
            """Create an empty database on `server_url` and return its URL."""
            sqlite_dir = tmp_path_factory.mktemp("db")
            return stack.enter_context(throwaway_database(server_url, sqlite_dir))

        yield create


@pytest.fixture(scope="session")
def postgres_server(suite_server_url) -> str:
    """The PostgreSQL server that TEST_POSTGRES_URL names (or TEST_DATABASE_URL, on the
    PostgreSQL leg), once it answers; skipped without one (failed in CI).
    """
    variable = "TEST_POSTGRES_URL" if os.environ.get("TEST_POSTGRES_URL") else "TEST_DATABASE_URL"
    url = os.environ.get("TEST_POSTGRES_URL") or suite_server_url
    if not url:
        needs_missing_tool(
            "needs PostgreSQL: set TEST_POSTGRES_URL to a server the tests may create "
            f"databases on, such as {POSTGRES_EXAMPLE}"
        )
    engine = create_engine(normalise_database_url(url))
    try:
        engine.connect().close()
    except OperationalError as error:
        reason = str(error.orig).strip().splitlines()[0]
        needs_missing_tool(
            f"needs PostgreSQL at {variable} ({engine.url}), which does not answer: {reason}"
        )
    finally:
        engine.dispose()
    return url


@pytest.fixture
def postgres_server_url(request) -> str:
    """A PostgreSQL server, for the tests that need a network database on either leg.

    Only for tests marked `servers`: the default run needs no service.
    """
    if request.node.get_closest_marker("servers") is None:
        pytest.fail(
            f"{request.node.nodeid} uses PostgreSQL: mark it `servers` (docs/testing.md)",
            pytrace=False,
        )
    return request.getfixturevalue("postgres_server")


@pytest.fixture(scope="session")
def make_app(make_app, make_database, suite_server_url) -> Iterator[Callable[..., Flask]]:
    """The core factory, with each app on a new database, all closed at the end of the run."""
    with ExitStack() as stack:

        def build(database_url: str | None = None, **overrides) -> Flask:
            """Create an app on `database_url` (default: a new database), with `overrides`.

            On PostgreSQL the new database is made when the app first connects to it.
            """
            database = None
            if database_url is None and suite_server_url:
                database = ThrowawayDatabase(suite_server_url)
                stack.callback(database.drop)  # after the engine's connections are closed
                database_url = database.url.render_as_string(hide_password=False)
            settings = database_settings({"DATABASE_URL": database_url or make_database()})
            new_app = make_app(**{**settings, **overrides})  # a test's engine options win
            if database:
                with new_app.app_context():
                    database.create_on_connect(db.engine)
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
