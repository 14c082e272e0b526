"""The limits layer's fixtures: every test starts with the suite app's rate-limit settings,
and the Redis the tests may count in.
"""

import os

import pytest
import redis

from app.limits import limiter
from tests.helpers import needs_missing_tool

REDIS_EXAMPLE = "redis://127.0.0.1:6379/15"


@pytest.fixture(autouse=True)
def limiter_follows_the_suite_app(app):
    """Hand the one `limiter` back to the suite's app (limits off) after each test.

    Flask-Limiter keeps its switch and its counts on the extension object, not per app, and
    the app that called `init_app` last sets them: a test that builds an app with the limits
    on would otherwise leave them on for every test after it.
    """
    yield
    limiter.init_app(app)


@pytest.fixture(scope="session")
def redis_url() -> str:
    """TEST_REDIS_URL: a Redis database the tests may write to; skipped without it (failed
    in CI).

    Nothing is flushed there: each run counts for addresses and emails of its own, which
    expire within the hour.
    """
    url = os.environ.get("TEST_REDIS_URL")
    if not url:
        needs_missing_tool(
            f"needs Redis: set TEST_REDIS_URL to a database the tests may write to, such as "
            f"{REDIS_EXAMPLE}"
        )
    client = redis.Redis.from_url(url, socket_connect_timeout=3, socket_timeout=3)
    try:
        client.ping()
    except redis.RedisError as error:
        needs_missing_tool(f"needs Redis at TEST_REDIS_URL ({url}), which does not answer: {error}")
    finally:
        client.close()
    return url
