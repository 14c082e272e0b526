"""Rate limits: production refuses to start without a store that every server shares.

The limits layer's own tests are in tests/limits; these are its items of the security
checklist, and go with it (a layer's tests in another folder are named test_NAME.py).
"""

import os
import sys

import pytest

from app.limits.settings import limits_settings
from config import ConfigError
from tests.live import run_in_project_root

SHARED_STORE = "redis://redis.example:6379/0"


def test_production_refuses_to_start_without_a_rate_limit_storage():
    """Servers that each count in their own memory would each allow the whole limit."""
    with pytest.raises(ConfigError, match="RATELIMIT_STORAGE_URI must be set in production"):
        limits_settings({}, "production")


def test_production_counts_where_rate_limit_storage_uri_says():
    """The operator names the shared store (Redis), and the limiter is given it."""
    settings = limits_settings({"RATELIMIT_STORAGE_URI": SHARED_STORE}, "production")
    assert settings["RATELIMIT_STORAGE_URI"] == SHARED_STORE


def test_development_counts_in_memory_unless_told_otherwise():
    """One process on a developer's machine needs no Redis."""
    assert limits_settings({}, "development")["RATELIMIT_STORAGE_URI"] == "memory://"


@pytest.mark.servers
def test_gunicorn_started_without_its_environment_stops_at_once():
    """Given the core's settings but no RATELIMIT_STORAGE_URI, gunicorn stops with one line."""
    bare = {"PATH": os.environ["PATH"], "SECRET_KEY": "k" * 64, "TRUSTED_HOSTS": "localhost"}
    result = run_in_project_root([sys.executable, "-m", "gunicorn"], bare)
    assert result.returncode == 1
    assert "Configuration error: RATELIMIT_STORAGE_URI must be set in production" in result.stderr
    assert "Traceback" not in result.stderr
