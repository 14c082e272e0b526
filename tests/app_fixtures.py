"""The core fixtures: apps in the testing configuration, and the one every test uses."""

from collections.abc import Callable, Mapping

import pytest
from flask import Flask

from app import create_app
from config import TestingConfig


@pytest.fixture(scope="session")
def make_app() -> Callable[..., Flask]:
    """A factory of apps, built from `environ` with config attributes in `overrides`."""

    def build(environ: Mapping[str, str] | None = None, **overrides) -> Flask:
        """Create an app in the testing configuration."""
        config = TestingConfig(environ or {})
        vars(config).update(overrides)
        return create_app(config)

    return build


@pytest.fixture(scope="session")
def app(make_app) -> Flask:
    """The app every test uses (pytest-flask's `client` talks to it)."""
    return make_app()
