"""Deleting the account: proven by the password; the account goes, and so does the session."""

import pytest

from tests.accounts.helpers import committed_user, field_errors, is_signed_in, sign_in

pytestmark = pytest.mark.usefixtures("user")


def delete_account(client, password):
    """POST the delete-account form of the account page."""
    return client.post("/account/delete", data={"delete-password": password})


@pytest.mark.usefixtures("other_user")
def test_the_right_password_deletes_the_account_and_signs_out(client):
    sign_in(client, remember="y")
    response = delete_account(client, "correct horse battery")
    assert response.status_code == 303
    assert response.headers["Location"] == "/"
    assert "Your account is deleted." in client.get("/").get_data(as_text=True)
    assert committed_user("ada@example.com") is None
    assert committed_user("grace@example.com") is not None
    assert client.get_cookie("remember_token") is None
    assert not is_signed_in(client)


def test_other_sessions_of_a_deleted_account_are_signed_out(app, client):
    other_device = app.test_client()
    sign_in(other_device)
    sign_in(client)
    delete_account(client, "correct horse battery")
    assert not is_signed_in(other_device)


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("not the password", "That is not your current password."),
        ("", "Please enter your password."),
    ],
    ids=["wrong", "empty"],
)
def test_without_the_right_password_the_account_is_kept(client, password, message):
    sign_in(client)
    response = delete_account(client, password)
    assert response.status_code == 400
    assert field_errors(response, "delete-password") == [message]
    assert field_errors(response, "password-current_password") == []
    assert committed_user("ada@example.com") is not None
    assert is_signed_in(client)
