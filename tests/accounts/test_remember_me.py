"""Remember me: Flask-Login's cookie, with the session cookie's flags; its sign-in session ends on
the server at sign-out, at a new password, or after REMEMBER_COOKIE_DURATION.
"""

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import flask_migrate
import pytest
from flask import Flask

from app import LAYERS, create_app
from app.database import db
from app.database.settings import database_settings
from config import ProductionConfig
from tests.accounts.fixtures import PASSWORD, make_user
from tests.accounts.helpers import (
    NEW_PASSWORD,
    committed_sessions,
    is_signed_in,
    later,
    sign_in,
)
from tests.database.fixtures import dispose_engines
from tests.helpers import csrf_token

HTTPS = "https://localhost"
REMEMBER = "remember_token"


@pytest.fixture(scope="module")
def production_app(make_database) -> Iterator[Flask]:
    """The accounts layer, and the layers installed before it, as ProductionConfig builds
    them, on a migrated database of its own with one account.
    """
    config = ProductionConfig({"SECRET_KEY": "p" * 64, "TRUSTED_HOSTS": "localhost"})
    vars(config).update(database_settings({"DATABASE_URL": make_database()}))
    app = create_app(config, layers=LAYERS[: LAYERS.index("accounts") + 1])
    with app.app_context():
        flask_migrate.upgrade()
        make_user("ada@example.com")
        db.session.remove()
    yield app
    dispose_engines(app)


def set_cookies(response) -> dict[str, str]:
    """The Set-Cookie headers of `response`, by cookie name."""
    headers = response.headers.getlist("Set-Cookie")
    return {header.partition("=")[0]: header for header in headers}


def test_production_sends_both_cookies_secure_httponly_and_same_site(production_app):
    client = production_app.test_client()
    token = csrf_token(client.get("/account/sign-in", base_url=HTTPS))
    data = {"email": "ada@example.com", "password": PASSWORD, "remember": "y", "csrf_token": token}
    # Flask-WTF checks over HTTPS that a form was posted from a page of this site.
    headers = {"Referer": f"{HTTPS}/account/sign-in"}
    response = client.post("/account/sign-in", data=data, base_url=HTTPS, headers=headers)
    assert response.status_code == 303
    cookies = set_cookies(response)
    for name in ("session", REMEMBER):
        assert "; Secure" in cookies[name]
        assert "; HttpOnly" in cookies[name]
        assert "; SameSite=Lax" in cookies[name]
    assert "; Expires=" in cookies[REMEMBER]


@pytest.mark.usefixtures("user")
def test_the_remember_cookie_is_httponly_and_same_site_and_lasts_two_weeks(client):
    sign_in(client, remember="y")
    cookie = client.get_cookie(REMEMBER)
    assert cookie.http_only
    assert cookie.same_site == "Lax"
    assert not cookie.secure  # over plain HTTP in development; ProductionConfig: see above
    assert cookie.expires > datetime.now(UTC) + timedelta(days=13, hours=23)


@pytest.mark.usefixtures("user")
def test_without_remember_me_there_is_no_remember_cookie(client):
    sign_in(client)
    assert client.get_cookie(REMEMBER) is None


@pytest.mark.usefixtures("user")
def test_the_remember_cookie_alone_signs_in_again(client):
    sign_in(client, remember="y")
    client.delete_cookie("session")
    assert is_signed_in(client)


@pytest.mark.usefixtures("user")
def test_signing_out_forgets_the_remember_cookie(client):
    sign_in(client, remember="y")
    client.post("/account/sign-out")
    assert not is_signed_in(client)
    assert client.get_cookie(REMEMBER) is None


@pytest.mark.usefixtures("user")
def test_a_new_password_makes_old_remember_cookies_useless(app, client):
    sign_in(client, remember="y")
    client.delete_cookie("session")
    other_device = app.test_client()
    sign_in(other_device)
    data = {
        "password-current_password": PASSWORD,
        "password-new_password": NEW_PASSWORD,
        "password-confirm": NEW_PASSWORD,
    }
    assert other_device.post("/account/password", data=data).status_code == 303
    assert not is_signed_in(client)


@pytest.mark.usefixtures("user")
def test_a_copy_of_the_remember_cookie_signs_no_one_in_after_sign_out(app, client):
    sign_in(client, remember="y")
    thief = app.test_client()
    thief.set_cookie(REMEMBER, client.get_cookie(REMEMBER).value)
    assert is_signed_in(thief)
    client.post("/account/sign-out")
    assert not is_signed_in(thief)


@pytest.mark.usefixtures("user")
def test_the_remember_cookie_ends_on_the_server_when_its_duration_is_over(app, client, monkeypatch):
    sign_in(client, remember="y")
    client.delete_cookie("session")
    duration = app.config["REMEMBER_COOKIE_DURATION"]
    later(monkeypatch, duration - timedelta(minutes=1))
    assert is_signed_in(client)
    later(monkeypatch, duration)
    assert not is_signed_in(client)


@pytest.mark.usefixtures("user")
@pytest.mark.parametrize(
    ("remember", "setting"),
    [("y", "REMEMBER_COOKIE_DURATION"), ("", "PERMANENT_SESSION_LIFETIME")],
    ids=["remembered", "not remembered"],
)
def test_a_session_lasts_on_the_server_as_long_as_its_cookie(app, client, remember, setting):
    sign_in(client, remember=remember)
    [row] = committed_sessions()
    assert row.expires_at - row.created_at == app.config[setting]


@pytest.mark.usefixtures("user")
def test_signing_in_again_ends_the_remembered_session_it_replaces(app, client):
    sign_in(client, remember="y")
    copied = client.get_cookie(REMEMBER).value
    thief = app.test_client()
    thief.set_cookie(REMEMBER, copied)
    assert is_signed_in(thief)
    client.delete_cookie("session")
    sign_in(client)  # asked for the password again, say, and not ticking the box this time
    assert not is_signed_in(thief)
    assert is_signed_in(client)
    assert len(committed_sessions()) == 1
