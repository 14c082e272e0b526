"""The accounts layer's fixtures: accounts, and test clients signed in as them."""

import functools
from collections.abc import Iterator

import flask_migrate
import pytest
from flask import Flask
from flask.testing import FlaskClient
from flask_login import FlaskLoginClient
from werkzeug.security import generate_password_hash

from app.accounts import models
from app.accounts.models import User, unusable_hash
from app.accounts.sessions import open_session
from app.database import db
from tests.helpers import CSRF_INPUT

PASSWORD = "correct horse battery"
# The email of the `user` fixture's account.
ADA = "ada@example.com"
# Hashing is slow on purpose (scrypt): hash the tests' password once, for every account, and
# with a cheap work factor (2**10, where Werkzeug's default is 2**15): a check at the default
# takes over half a second on a small machine, and tests sign in often. Accounts that a test
# creates by signing up are hashed with the default, as in production.
PASSWORD_HASH = generate_password_hash(PASSWORD, method="scrypt:1024:8:1")


def make_user(email: str) -> User:
    """Commit an account with `email` and the tests' PASSWORD."""
    user = User(email=email, password_hash=PASSWORD_HASH)
    db.session.add(user)
    db.session.commit()
    return user


def client_of(app: Flask, user: User) -> FlaskLoginClient:
    """A test client signed in as `user` (Flask-Login's own test client, which puts
    `user.get_id()` in its session), on a sign-in session of its own, as a sign-in makes.
    """
    open_session(user, app.config["PERMANENT_SESSION_LIFETIME"])
    db.session.commit()
    return FlaskLoginClient(app, app.response_class, use_cookies=True, user=user)


@pytest.fixture
def user() -> User:
    """An account: ADA."""
    return make_user(ADA)


@pytest.fixture
def other_user() -> User:
    """A second account: grace@example.com."""
    return make_user("grace@example.com")


@pytest.fixture
def signed_in(app, user) -> FlaskLoginClient:
    """A test client signed in as `user`."""
    return client_of(app, user)


@pytest.fixture
def freshly_signed_in(app, user) -> FlaskClient:
    """A test client that signed in as `user` with the password, on the sign-in page: a fresh
    sign-in, as views with `fresh_login_required` ask for. (FlaskLoginClient's is not fresh
    from its first request on: Flask-Login's session protection finds no browser recorded.)
    """
    client = app.test_client()
    token = CSRF_INPUT.search(client.get("/account/sign-in").get_data(as_text=True))
    data = {"email": user.email, "password": PASSWORD, "csrf_token": token and token.group(1)}
    assert client.post("/account/sign-in", data=data).status_code == 303
    return client


@pytest.fixture
def limited_site(make_app) -> Iterator[Flask]:
    """The site with its limits on (counting in memory, when the limits layer is installed),
    on a new migrated database of its own: for the pages' tests under the limits.

    The test's rollback covers only the suite's app, so make this site's rows through it
    (`with limited_site.app_context()`): they are committed, where no other test looks.
    """
    site = make_app(RATELIMIT_ENABLED=True)
    with site.app_context():
        flask_migrate.upgrade()
    yield site
    with site.app_context():
        db.engine.dispose()


@pytest.fixture
def in_transaction_while_hashing(monkeypatch) -> list[bool]:
    """For each password hashed or checked while the test runs: whether the request's
    database session held a transaction (and so a connection) meanwhile.
    """
    unusable_hash()  # made once, the first time an unknown email signs in: not a check
    seen: list[bool] = []

    def spy(function):
        @functools.wraps(function)
        def watched(*args, **kwargs):
            seen.append(db.session().in_transaction())
            return function(*args, **kwargs)

        return watched

    for name in ("check_password_hash", "generate_password_hash"):
        monkeypatch.setattr(models, name, spy(getattr(models, name)))
    return seen
