"""Database helpers for the tests and the API fuzzing run: throwaway databases, committed rows."""

import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, make_url

from app.database import db
from app.database.settings import normalise_database_url


@contextmanager
def throwaway_database(server_url: str | None, sqlite_dir: Path) -> Iterator[str]:
    """Yield the URL of a new, empty database on `server_url`, and drop it afterwards.

    Without a server URL, the database is a SQLite file in `sqlite_dir`.
    """
    if not server_url:
        yield f"sqlite:///{sqlite_dir / 'test.db'}"
        return
    server = make_url(normalise_database_url(server_url))
    name = f"kit_test_{secrets.token_hex(6)}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE "{name}" WITH (FORCE)')
        admin.dispose()


def committed(statement):
    """Run `statement` as the next request would, after dropping uncommitted work.

    Closing the session rolls back whatever a view added without commit(), just as the
    end of a request does, so a row found here proves the view committed it.
    """
    db.session.remove()
    return db.session.scalars(statement)
