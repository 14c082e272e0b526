"""Database faults at start-up: one clear line naming the setting, never a driver's traceback."""

import pytest

from tests.live import run_flask

# Each test runs `flask` in a process of its own.
pytestmark = pytest.mark.servers


@pytest.mark.parametrize("url", ["not a url", "postgresql://db.example.com:notaport/app"])
def test_a_malformed_database_url_stops_start_up_with_one_line(url):
    """The app refuses to load and names DATABASE_URL."""
    result = run_flask("routes", DATABASE_URL=url)
    assert result.returncode == 1
    assert result.stderr.startswith("Configuration error: DATABASE_URL is not a valid")
    assert "Traceback" not in result.stderr


def test_an_unreachable_database_is_named_by_host():
    """`flask db upgrade` against a server that is not there names the setting and host."""
    result = run_flask("db", "upgrade", DATABASE_URL="postgresql://kit:secret@127.0.0.1:1/app")
    assert result.returncode == 1
    # First, which settings (.flaskenv's, here) and database the command acts on.
    first_line = result.stderr.splitlines()[0]
    assert (
        first_line == "APP_ENV=development, database postgresql+psycopg://kit:***@127.0.0.1:1/app"
    )
    last_line = result.stderr.strip().splitlines()[-1]
    assert last_line.startswith(
        "Cannot reach the database in DATABASE_URL (postgresql+psycopg://kit:***@127.0.0.1:1/app)"
    )
    assert "secret" not in result.stderr
    assert "Traceback" not in result.stderr
