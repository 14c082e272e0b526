"""Start-up faults an operator meets: each gives one clear line, never a traceback."""

import os
import sys

import pytest

from tests.live import run_in_project_root

# Each test starts Python or gunicorn in a process of its own.
pytestmark = pytest.mark.servers


def test_production_without_a_secret_key_stops_with_one_line():
    """APP_ENV=production with no SECRET_KEY refuses to start, and says how to make one."""
    environ = {key: value for key, value in os.environ.items() if key != "SECRET_KEY"}
    result = run_in_project_root(
        [sys.executable, "-c", "import wsgi"], {**environ, "APP_ENV": "production"}
    )
    assert result.returncode == 1
    assert result.stderr.startswith("Configuration error: SECRET_KEY must be set in production")
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({}, "Configuration error: SECRET_KEY must be set in production"),
        ({"SECRET_KEY": "k" * 64}, "Configuration error: TRUSTED_HOSTS must name the host"),
    ],
)
def test_gunicorn_started_without_its_environment_stops_at_once(environ, message):
    """No APP_ENV means production: missing a setting it needs, gunicorn stops with one line.

    A layer's own production settings stop it the same way (tests/security/test_limits.py).
    """
    bare = {"PATH": os.environ["PATH"], **environ}
    result = run_in_project_root([sys.executable, "-m", "gunicorn"], bare)
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr
