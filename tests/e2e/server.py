"""The app under test: gunicorn in production mode, on a migrated database with demo entries."""

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from flask import Flask

from tests.live import gunicorn_server, production_environ

# More than two pages of 20, so the guestbook has older entries to page to.
DEMO_ENTRIES = 45


@contextmanager
def production_server(app: Flask, log_path: Path, settings: Mapping[str, str]) -> Iterator[str]:
    """Serve the site with gunicorn in production mode, on `app`'s database (if its layers
    have one), migrated, and seeded with demo entries (if they have `flask seed`), with
    `settings` added to its environment.
    """
    environ = {**production_environ(), **settings}
    # Limits off: the browser tests sign up and in from 127.0.0.1 more often than one address
    # may (they would meet 429s, by chance of which worker counts them); the limits have
    # tests of their own. Without the limits layer nothing reads it.
    environ["RATELIMIT_ENABLED"] = "false"
    if "migrate" in app.extensions:  # the database layer (Flask-Migrate)
        environ["DATABASE_URL"] = app.config["SQLALCHEMY_DATABASE_URI"]
        prepare_database(app)
    with gunicorn_server(environ, log_path) as base_url:
        yield base_url


def prepare_database(app: Flask) -> None:
    """Migrate `app`'s database, and fill it with demo entries where a layer can."""
    import flask_migrate  # imported here: only the database layer brings it

    with app.app_context():  # pushed explicitly, so `flask seed` cannot pick another app
        flask_migrate.upgrade()
        if "seed" in app.cli.commands:
            seeded = app.test_cli_runner().invoke(args=["seed", "--count", str(DEMO_ENTRIES)])
            if seeded.exit_code != 0:
                raise RuntimeError(f"flask seed failed:\n{seeded.output}")
