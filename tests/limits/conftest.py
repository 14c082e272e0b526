"""Fixtures of the limits tests: apps with the limits on, and a Redis server to count in."""

import os
from collections.abc import Callable
from urllib.parse import urlsplit

import flask_migrate  # layer: database
import pytest
import redis
from flask import Flask

from app.database import db
from tests.helpers import needs_missing_tool
from tests.limits.helpers import with_limited_routes

# .ci/run names CI's server in REDIS_SERVER_URL (on GitHub it is not on 127.0.0.1).
LOCAL_REDIS_URL = "redis://127.0.0.1:6379"
# The tests count in a Redis database of their own, away from an app's usual 0. Nothing is
# flushed there: each run counts for addresses and emails of its own, which expire in an hour.
REDIS_TEST_DB = 15


@pytest.fixture
def make_limited_app(make_app) -> Callable[..., Flask]:
    """A factory of apps with the limits on and the routes of tests/limits/helpers.py."""

    def build(**overrides) -> Flask:
        """An app with `overrides`, counting in memory unless they say otherwise."""
        overrides.setdefault("database_url", "sqlite://")  # layer: database
        return with_limited_routes(make_app(RATELIMIT_ENABLED=True, **overrides))

    return build


@pytest.fixture
def limited_app(make_limited_app) -> Flask:
    """An app with the limits on, counting in memory, with the routes of helpers.py."""
    return make_limited_app()


@pytest.fixture(scope="session")
def redis_url() -> str:
    """The URL of a Redis database for the tests; skipped without Redis, except in CI."""
    server_url = os.environ.get("REDIS_SERVER_URL", LOCAL_REDIS_URL)
    url = urlsplit(server_url)._replace(path=f"/{REDIS_TEST_DB}").geturl()
    client = redis.Redis.from_url(url, socket_connect_timeout=3, socket_timeout=3)
    try:
        client.ping()
    except redis.RedisError:
        needs_missing_tool(
            f"needs Redis at {server_url}: start it, or point REDIS_SERVER_URL at one"
        )
    finally:
        client.close()
    return url


# layer: database
@pytest.fixture
def limited_site(make_app):
    """The site with its limits on, on a new migrated database of its own.

    The test's rollback covers only the suite's app, so make this site's rows through it
    (`with limited_site.app_context()`): they are committed, where no other test looks.
    """
    site = make_app(RATELIMIT_ENABLED=True)
    with site.app_context():
        flask_migrate.upgrade()
    yield site
    with site.app_context():
        db.engine.dispose()


# end layer: database
