"""Hashing or checking a password is slow on purpose: every view does it holding no database
connection, so a burst of sign-ins leaves the pool to other pages (test_sign_in_burst.py
shows it under gunicorn).
"""

import functools

import pytest

from app.accounts import models
from app.accounts.models import unusable_hash
from app.database import db
from tests.accounts.fixtures import PASSWORD
from tests.accounts.helpers import NEW_PASSWORD, sign_in, sign_up


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


@pytest.mark.usefixtures("user")
def test_signing_in_checks_the_password_holding_no_connection(client, in_transaction_while_hashing):
    assert sign_in(client, password="not the password").status_code == 400
    assert sign_in(client, email="nobody@example.com").status_code == 400
    assert sign_in(client).status_code == 303
    assert in_transaction_while_hashing == [False] * 3


def test_signing_up_hashes_holding_no_connection(client, in_transaction_while_hashing):
    assert sign_up(client).status_code == 303
    assert in_transaction_while_hashing == [False]


def test_changing_the_password_hashes_holding_no_connection(
    signed_in, in_transaction_while_hashing
):
    data = {
        "password-current_password": PASSWORD,
        "password-new_password": NEW_PASSWORD,
        "password-confirm": NEW_PASSWORD,
    }
    assert signed_in.post("/account/password", data=data).status_code == 303
    assert in_transaction_while_hashing == [False, False]  # the check, then the new hash


def test_deleting_the_account_checks_holding_no_connection(signed_in, in_transaction_while_hashing):
    response = signed_in.post("/account/delete", data={"delete-password": PASSWORD})
    assert response.status_code == 303
    assert in_transaction_while_hashing == [False]
