"""What the database layer does when the database is slow, away or behind the code."""

from functools import cache

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask import current_app
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from werkzeug.exceptions import InternalServerError, ServiceUnavailable

from app.database.extensions import db, migrate
from app.errors import render_error

DATABASE_DOWN_MESSAGE = (
    "The site cannot reach its database right now. Please try again in a minute."
)
NOT_MIGRATED_MESSAGE = (
    "The database has not been set up for this version of the site: run `flask db upgrade`."
)
# PostgreSQL's codes for "undefined table" (SQLite only says so in words), and for a
# statement canceled by statement_timeout.
UNDEFINED_TABLE = "42P01"
QUERY_CANCELED = "57014"


def tune_sqlite(dbapi_connection, _connection_record) -> None:
    """Let SQLite readers work while a writer commits, as several server processes need,
    and make it enforce foreign keys.

    sqlite3 already waits up to 5 seconds for a lock (its busy timeout) before it fails.
    """
    dbapi_connection.execute("PRAGMA journal_mode=WAL")
    # In WAL mode NORMAL skips the fsync on every commit and still cannot corrupt the file;
    # a power cut or OS crash (not an app crash) can lose the last commits.
    dbapi_connection.execute("PRAGMA synchronous=NORMAL")
    # SQLite checks foreign keys (and runs ON DELETE CASCADE) only when asked to, on each
    # connection; PostgreSQL always does.
    dbapi_connection.execute("PRAGMA foreign_keys=ON")


def database_not_ready() -> str | None:
    """Why the database can't serve this version yet: unreachable, or behind the migrations."""
    try:
        applied = MigrationContext.configure(db.session.connection()).get_current_heads()
    except SQLAlchemyError:
        return "the database does not answer"
    if set(applied) != migration_heads():
        return "run `flask db upgrade`"
    return None


@cache
def migration_heads() -> frozenset[str]:
    """The newest revisions in the migrations folder; read once, they change only on deploy."""
    return frozenset(ScriptDirectory.from_config(migrate.get_config()).get_heads())


def render_database_error(error: DBAPIError):
    """503 while the database is down, slow or behind the code; any other error is a bug."""
    sqlstate = getattr(error.orig, "sqlstate", None)
    if sqlstate == UNDEFINED_TABLE or "no such table" in str(error.orig):
        return database_unavailable(error.orig, NOT_MIGRATED_MESSAGE)
    # No statement: the connection itself failed. Invalidated: it broke mid-statement.
    # Canceled: the statement ran past DB_STATEMENT_TIMEOUT_MS.
    if error.statement is None or error.connection_invalidated or sqlstate == QUERY_CANCELED:
        return database_unavailable(error.orig, DATABASE_DOWN_MESSAGE)
    current_app.logger.error("Database error: %s", error.orig, exc_info=error)
    return render_error(InternalServerError())


def render_pool_timeout(error: PoolTimeout):
    """503 when every connection stayed busy for DB_POOL_TIMEOUT: the database is too slow."""
    return database_unavailable(error, DATABASE_DOWN_MESSAGE)


def end_session(_error: BaseException | None = None) -> None:
    """Close the request's session, and forgive a connection that died after the answer was
    made (a database restart, a failover, pg_terminate_backend): its ROLLBACK fails, but the
    server dropped that transaction with the connection.

    Teardowns run after the answer is made, outside every error handler: an exception here
    would replace the answer with the server's bare 500.
    """
    try:
        db.session.remove()
    except DBAPIError as error:
        if not error.connection_invalidated:
            raise
        current_app.logger.warning(
            "Database connection lost after the answer: %s", first_line(error.orig)
        )
        db.session.remove()  # the connection is marked dead now: nothing is sent this time


def database_unavailable(cause: BaseException, message: str):
    """The 503 page, logged as one line: an outage repeats on every request, its cause not."""
    reason = first_line(cause)
    current_app.logger.warning("Database unavailable: %s: %s", type(cause).__name__, reason)
    return render_error(ServiceUnavailable(message))


def first_line(cause: BaseException) -> str:
    """The first line of an error's message (drivers add lines of context), or ""."""
    lines = str(cause).strip().splitlines()
    return lines[0] if lines else ""
