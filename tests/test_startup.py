"""Start-up faults an operator meets: each gives one clear line, never a traceback."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def run_in_project_root(command: list[str], environ: dict[str, str]) -> subprocess.CompletedProcess:
    """Run `command` from the project root, as an operator would, and capture its output."""
    return subprocess.run(
        command, cwd=PROJECT_ROOT, env=environ, capture_output=True, text=True, timeout=60
    )


def run_flask(*args: str, **environ: str) -> subprocess.CompletedProcess:
    """Run the `flask` command with `environ` added to this process's environment."""
    return run_in_project_root([sys.executable, "-m", "flask", *args], {**os.environ, **environ})


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
    last_line = result.stderr.strip().splitlines()[-1]
    assert last_line.startswith(
        "Cannot reach the database in DATABASE_URL (postgresql+psycopg://kit:***@127.0.0.1:1/app)"
    )
    assert "secret" not in result.stderr
    assert "Traceback" not in result.stderr


def test_production_without_a_secret_key_stops_with_one_line():
    """APP_ENV=production with no SECRET_KEY refuses to start, and says how to make one."""
    environ = {key: value for key, value in os.environ.items() if key != "SECRET_KEY"}
    result = run_in_project_root(
        [sys.executable, "-c", "import wsgi"], {**environ, "APP_ENV": "production"}
    )
    assert result.returncode == 1
    assert result.stderr.startswith("Configuration error: SECRET_KEY must be set in production")
    assert "Traceback" not in result.stderr
