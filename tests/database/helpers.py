"""Database helpers for the tests and the CI scripts: throwaway databases, committed rows."""

import secrets
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import URL, Engine, create_engine, event, make_url

from app.database import db
from app.database.settings import normalise_database_url


def is_postgresql(url: str) -> bool:
    """True for a URL of a PostgreSQL server, in any spelling DATABASE_URL accepts."""
    return make_url(normalise_database_url(url)).get_backend_name() == "postgresql"


class ThrowawayDatabase:
    """A new database on the PostgreSQL server `server_url`, with a name no other has.

    `create` makes it and `drop` drops it, open connections and all. Or `create_on_connect`
    leaves the making to the first connection an engine opens, so an app that never
    touches its database costs the server nothing; `drop` then drops it only if it was made.
    """

    def __init__(self, server_url: str):
        """Name the database; nothing is made yet."""
        self.server = make_url(normalise_database_url(server_url))
        self.name = f"kit_test_{secrets.token_hex(6)}"
        self.url: URL = self.server.set(database=self.name)
        self.created = False
        self.lock = threading.Lock()  # the threads of one app may connect at the same time

    def create(self, *_connect_args) -> None:
        """Make the database, unless it was made already."""
        with self.lock:
            if not self.created:
                self.on_server(f'CREATE DATABASE "{self.name}"')
                self.created = True

    def create_on_connect(self, engine: Engine) -> None:
        """Make the database just before `engine` first connects to it."""
        event.listen(engine, "do_connect", self.create)

    def drop(self) -> None:
        """Drop the database if it was made, whoever is still connected to it."""
        if self.created:
            self.on_server(f'DROP DATABASE "{self.name}" WITH (FORCE)')
            self.created = False

    def on_server(self, statement: str) -> None:
        """Run `statement` on the server, outside a transaction, as CREATE DATABASE must."""
        admin = create_engine(self.server, isolation_level="AUTOCOMMIT")
        try:
            with admin.connect() as connection:
                connection.exec_driver_sql(statement)
        finally:
            admin.dispose()


@contextmanager
def throwaway_database(server_url: str | None, sqlite_dir: Path) -> Iterator[str]:
    """Yield the URL of a new, empty database on `server_url`, and drop it afterwards.

    Without a server URL, the database is a SQLite file in `sqlite_dir`.
    """
    if not server_url:
        yield f"sqlite:///{sqlite_dir / 'test.db'}"
        return
    database = ThrowawayDatabase(server_url)
    database.create()
    try:
        yield database.url.render_as_string(hide_password=False)
    finally:
        database.drop()


def committed(statement):
    """Run `statement` as the next request would, after dropping uncommitted work.

    Closing the session rolls back whatever a view added without commit(), just as the
    end of a request does, so a row found here proves the view committed it.
    """
    db.session.remove()
    return db.session.scalars(statement)
