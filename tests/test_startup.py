"""Start-up faults an operator meets: each gives one clear line, never a traceback."""

import os
import sys

from tests.live import run_in_project_root


def test_production_without_a_secret_key_stops_with_one_line():
    """APP_ENV=production with no SECRET_KEY refuses to start, and says how to make one."""
    environ = {key: value for key, value in os.environ.items() if key != "SECRET_KEY"}
    result = run_in_project_root(
        [sys.executable, "-c", "import wsgi"], {**environ, "APP_ENV": "production"}
    )
    assert result.returncode == 1
    assert result.stderr.startswith("Configuration error: SECRET_KEY must be set in production")
    assert "Traceback" not in result.stderr
