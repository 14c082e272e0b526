"""Cookies: in production the session cookie is Secure, HttpOnly, SameSite=Lax and expires."""

import time

import pytest

from app import create_app
from config import ProductionConfig
from tests.helpers import with_session_routes

HTTPS = "https://localhost"


@pytest.fixture
def production_client():
    """A client of the core as ProductionConfig builds it, with routes that use the session.

    The core alone: the layers' own cookies (remember-me) are tested with their layer.
    """
    environ = {"SECRET_KEY": "p" * 64, "TRUSTED_HOSTS": "localhost"}
    app = create_app(ProductionConfig(environ), layers=())
    return with_session_routes(app).test_client()


def test_the_session_cookie_is_locked_down_in_production(production_client):
    """The session cookie is sent only over HTTPS, unseen by scripts, same-site only."""
    cookie = production_client.get("/remember", base_url=HTTPS).headers["Set-Cookie"]
    assert cookie.startswith("session=")
    assert "; Secure" in cookie
    assert "; HttpOnly" in cookie
    assert "; SameSite=Lax" in cookie


@pytest.mark.parametrize(("age_hours", "name"), [(0, "Ada"), (11, "Ada"), (13, "nobody")])
def test_a_session_lives_only_as_long_as_its_lifetime(
    production_client, monkeypatch, age_hours, name
):
    """PERMANENT_SESSION_LIFETIME (12 hours) bounds every session, permanent or not."""
    real_time = time.time
    with monkeypatch.context() as past:
        past.setattr(time, "time", lambda: real_time() - age_hours * 3600)
        production_client.get("/remember", base_url=HTTPS)
    assert production_client.get("/recall", base_url=HTTPS).get_data(as_text=True) == name
