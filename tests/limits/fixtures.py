"""The limits layer's fixture: every test starts with the suite app's rate-limit settings."""

import pytest

from app.limits import limiter


@pytest.fixture(autouse=True)
def limiter_follows_the_suite_app(app):
    """Hand the one `limiter` back to the suite's app (limits off) after each test.

    Flask-Limiter keeps its switch and its counts on the extension object, not per app, and
    the app that called `init_app` last sets them: a test that builds an app with the limits
    on would otherwise leave them on for every test after it.
    """
    yield
    limiter.init_app(app)
