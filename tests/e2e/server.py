"""The app under test: gunicorn in production mode, on a migrated database with demo entries."""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import flask_migrate
from flask import Flask

from tests.live import gunicorn_server, production_environ

# More than two pages of 20, so the guestbook has older entries to page to.
DEMO_ENTRIES = 45


@contextmanager
def production_server(app: Flask, log_path: Path) -> Iterator[str]:
    """Migrate and seed `app`'s database, serve it with gunicorn; yield the base URL."""
    with app.app_context():  # pushed explicitly, so `flask seed` cannot pick another app
        flask_migrate.upgrade()
        seeded = app.test_cli_runner().invoke(args=["seed", "--count", str(DEMO_ENTRIES)])
    if seeded.exit_code != 0:
        raise RuntimeError(f"flask seed failed:\n{seeded.output}")
    environ = production_environ(app.config["SQLALCHEMY_DATABASE_URI"])
    with gunicorn_server(environ, log_path) as base_url:
        yield base_url
