"""The app under test: gunicorn in production mode, on a migrated database with demo entries."""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import flask_migrate  # layer: database
from flask import Flask

from tests.live import gunicorn_server, production_environ

# layer: guestbook
# More than two pages of 20, so the guestbook has older entries to page to.
DEMO_ENTRIES = 45
# end layer: guestbook


@contextmanager
def production_server(app: Flask, log_path: Path) -> Iterator[str]:
    """Serve `app` with gunicorn in production mode, on its database, migrated and seeded."""
    environ = production_environ()
    # layer: limits
    # Limits off: the browser tests sign up and in from 127.0.0.1 more often than one address
    # may (they would meet 429s, by chance of which worker counts them); tests/limits proves
    # the limits, and the screenshots need none.
    environ["RATELIMIT_ENABLED"] = "false"
    # end layer: limits
    # layer: database
    environ["DATABASE_URL"] = app.config["SQLALCHEMY_DATABASE_URI"]
    with app.app_context():  # pushed explicitly, so `flask seed` cannot pick another app
        flask_migrate.upgrade()
        # layer: guestbook
        seeded = app.test_cli_runner().invoke(args=["seed", "--count", str(DEMO_ENTRIES)])
        if seeded.exit_code != 0:
            raise RuntimeError(f"flask seed failed:\n{seeded.output}")
        # end layer: guestbook
    # end layer: database
    with gunicorn_server(environ, log_path) as base_url:
        yield base_url
