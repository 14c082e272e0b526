"""Fixtures of the limits tests: apps with the limits on and the routes of helpers.py.

The Redis to count in is in fixtures.py, and the whole site with its limits on is the
accounts layer's `limited_site`: other layers' tests of their pages under the limits use them.
"""

from collections.abc import Callable

import pytest
from flask import Flask

from tests.limits.helpers import ACCOUNT_PAGES, with_limited_routes


@pytest.fixture
def make_limited_app(make_app) -> Callable[..., Flask]:
    """A factory of apps with the limits on and the routes of tests/limits/helpers.py."""

    def build(**overrides) -> Flask:
        """An app with `overrides`, counting in memory unless they say otherwise."""
        overrides.setdefault("RATELIMIT_ACCOUNT_PAGES", ACCOUNT_PAGES)
        app = make_app(RATELIMIT_ENABLED=True, **overrides)
        return with_limited_routes(app)

    return build


@pytest.fixture
def limited_app(make_limited_app) -> Flask:
    """An app with the limits on, counting in memory, with the routes of helpers.py."""
    return make_limited_app()
