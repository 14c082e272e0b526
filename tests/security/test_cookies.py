"""Cookies: in production the session cookie is Secure, HttpOnly, SameSite=Lax and expires."""

import time

import pytest

from app import create_app
from config import ProductionConfig
from tests.helpers import csrf_token

HTTPS = "https://localhost"


@pytest.fixture
def production_app(tmp_path):
    """The app as ProductionConfig builds it (no database needed for these pages)."""
    return create_app(
        ProductionConfig(
            {"SECRET_KEY": "p" * 64, "DATABASE_URL": f"sqlite:///{tmp_path / 'prod.db'}"}
        )
    )


def test_the_session_cookie_is_locked_down_in_production(production_app):
    """The form's session cookie is sent only over HTTPS, unseen by scripts, same-site."""
    response = production_app.test_client().get("/submit")
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("session=")
    assert "; Secure" in cookie
    assert "; HttpOnly" in cookie
    assert "; SameSite=Lax" in cookie


@pytest.mark.parametrize(("age_hours", "kept"), [(0, True), (11, True), (13, False)])
def test_a_session_lives_only_as_long_as_its_lifetime(production_app, monkeypatch, age_hours, kept):
    """PERMANENT_SESSION_LIFETIME (12 hours) bounds every session, permanent or not."""
    assert production_app.permanent_session_lifetime.total_seconds() == 12 * 3600
    client = production_app.test_client()
    real_time = time.time
    with monkeypatch.context() as past:
        past.setattr(time, "time", lambda: real_time() - age_hours * 3600)
        token = csrf_token(client.get("/submit", base_url=HTTPS))
        data = {"name": "Ada", "csrf_token": token}
        # Over HTTPS, Flask-WTF also checks the Referer is this site, as a browser sends it.
        headers = {"Referer": f"{HTTPS}/submit"}
        response = client.post("/submit", data=data, base_url=HTTPS, headers=headers)
        assert response.status_code == 303
    page = client.get("/submit", base_url=HTTPS).get_data(as_text=True)
    assert ("Hello, Ada!" in page) is kept
