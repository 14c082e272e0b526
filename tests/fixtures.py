"""The core fixtures: apps in the testing configuration, and the one every test uses."""

from collections.abc import Callable, Mapping

import pytest
from flask import Flask, g

from app import create_app
from config import Config


class TestingConfig(Config):
    """For the test suite: CSRF checks and rate limits off unless a test turns them on."""

    APP_ENV = "testing"
    TESTING = True
    WTF_CSRF_ENABLED = False
    RATELIMIT_ENABLED = False


@pytest.fixture(scope="session")
def make_app() -> Callable[..., Flask]:
    """A factory of apps, built from `environ` with config attributes in `overrides`."""

    def build(environ: Mapping[str, str] | None = None, **overrides) -> Flask:
        """Create an app in the testing configuration."""
        config = TestingConfig(environ or {})
        vars(config).update(overrides)
        new_app = create_app(config)
        new_app.teardown_request(forget_request_globals)
        return new_app

    return build


def forget_request_globals(_error: BaseException | None) -> None:
    """Give each request its own `g`, as a server does.

    pytest-flask keeps one app context open for the whole test, and the test client's
    requests reuse it, so without this `g` would carry from one request to the next.
    Flask-Login keeps the current user there: a user deleted in the middle of a test would
    still read as signed in.
    """
    for name in list(g):
        g.pop(name)


@pytest.fixture(scope="session")
def app(make_app) -> Flask:
    """The app every test uses (pytest-flask's `client` talks to it)."""
    return make_app()
