"""Changing the password: proven by the current one; it signs out every other session."""

import pytest
from werkzeug.security import check_password_hash

from tests.accounts.fixtures import PASSWORD, PASSWORD_HASH
from tests.accounts.helpers import (
    NEW_PASSWORD,
    committed_sessions,
    committed_user,
    field_errors,
    is_signed_in,
    sign_in,
)

pytestmark = pytest.mark.usefixtures("user")


def change_password(client, current=PASSWORD, new=NEW_PASSWORD, confirm=None):
    """POST the change-password form of the account page."""
    data = {
        "password-current_password": current,
        "password-new_password": new,
        "password-confirm": new if confirm is None else confirm,
    }
    return client.post("/account/password", data=data)


def test_the_account_page_shows_both_forms(signed_in):
    response = signed_in.get("/account/")
    assert response.status_code == 200
    assert "Signed in as <strong>ada@example.com</strong>" in response.get_data(as_text=True)
    for field in ("password-current_password", "password-new_password", "delete-password"):
        assert field_errors(response, field) == []


def test_the_new_password_works_and_the_old_one_no_longer_does(app, client):
    sign_in(client)
    response = change_password(client)
    assert response.status_code == 303
    assert response.headers["Location"] == "/account/"
    assert "Other devices are signed out." in client.get("/account/").get_data(as_text=True)
    assert check_password_hash(committed_user("ada@example.com").password_hash, NEW_PASSWORD)
    assert sign_in(app.test_client(), password=PASSWORD).status_code == 400
    assert sign_in(app.test_client(), password=NEW_PASSWORD).status_code == 303


def test_other_sessions_are_signed_out_and_this_one_stays_signed_in_on_a_new_one(app, client):
    other_device = app.test_client()
    sign_in(other_device)
    sign_in(client)
    copy = app.test_client()
    copy.set_cookie("session", client.get_cookie("session").value)
    assert is_signed_in(copy)
    assert change_password(client).status_code == 303
    assert not is_signed_in(other_device)
    assert is_signed_in(client)
    assert not is_signed_in(copy)  # this device's session before the change is over too
    assert len(committed_sessions()) == 1


def test_a_wrong_current_password_changes_nothing(client):
    sign_in(client)
    response = change_password(client, current="not the password")
    assert response.status_code == 400
    assert field_errors(response, "password-current_password") == [
        "That is not your current password."
    ]
    assert field_errors(response, "delete-password") == []
    assert committed_user("ada@example.com").password_hash == PASSWORD_HASH
    assert is_signed_in(client)


@pytest.mark.parametrize(
    ("current", "new", "confirm", "field", "message"),
    [
        ("", NEW_PASSWORD, None, "password-current_password", "Please enter your password."),
        (PASSWORD, "", None, "password-new_password", "Please choose a password."),
        (PASSWORD, "short", None, "password-new_password", "Use 8 to 200 characters"),
        (PASSWORD, "p" * 201, None, "password-new_password", "Use 8 to 200 characters"),
        (PASSWORD, NEW_PASSWORD, "", "password-confirm", "Please type the password again."),
        (PASSWORD, NEW_PASSWORD, "something else", "password-confirm", "The passwords do not"),
    ],
    ids=["no current", "no new", "too short", "too long", "no confirmation", "mismatch"],
)
def test_a_mistake_is_refused_with_400_beside_its_field(
    signed_in, current, new, confirm, field, message
):
    response = change_password(signed_in, current=current, new=new, confirm=confirm)
    assert response.status_code == 400
    [error] = field_errors(response, field)
    assert error.startswith(message)
    assert committed_user("ada@example.com").password_hash == PASSWORD_HASH
    assert is_signed_in(signed_in)
