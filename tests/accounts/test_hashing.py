"""Hashing or checking a password is slow on purpose: every view does it holding no database
connection (the fixture `in_transaction_while_hashing` watches), so a burst of sign-ins leaves
the pool to other pages (test_sign_in_burst.py shows it under gunicorn). The mail layer's reset
page is checked with its tests.
"""

import pytest

from tests.accounts.fixtures import PASSWORD
from tests.accounts.helpers import NEW_PASSWORD, sign_in, sign_up


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
