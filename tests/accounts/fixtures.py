"""The accounts layer's fixtures: accounts, and test clients signed in as them."""

import pytest
from flask import Flask
from flask_login import FlaskLoginClient
from werkzeug.security import generate_password_hash

from app.accounts.models import User
from app.database import db

PASSWORD = "correct horse battery"
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
    """A test client signed in as `user` (Flask-Login's own test client)."""
    return FlaskLoginClient(app, app.response_class, use_cookies=True, user=user)


@pytest.fixture
def user() -> User:
    """An account: ada@example.com."""
    return make_user("ada@example.com")


@pytest.fixture
def other_user() -> User:
    """A second account: grace@example.com."""
    return make_user("grace@example.com")


@pytest.fixture
def signed_in(app, user) -> FlaskLoginClient:
    """A test client signed in as `user`."""
    return client_of(app, user)
