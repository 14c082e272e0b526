"""Sign up: the account is created with a hashed password, and its owner is signed in."""

import inspect

import pytest
from flask import flash
from flask_login import current_user
from werkzeug.security import check_password_hash, generate_password_hash

from app.accounts import account_created, password_changed
from app.accounts.models import EMAIL_MAX_LENGTH
from tests.accounts.helpers import (
    NEW_PASSWORD,
    committed_user,
    committed_users,
    field_errors,
    is_signed_in,
    sign_up,
)

# Werkzeug's current default ("scrypt" today): what a new hash must use.
DEFAULT_METHOD = inspect.signature(generate_password_hash).parameters["method"].default
DOMAIN = "@example.com"


def email_of_length(length: int) -> str:
    """A well-formed email address exactly `length` characters long."""
    return "a" * (length - len(DOMAIN)) + DOMAIN


def test_the_form_is_shown_with_its_fields(client):
    response = client.get("/account/sign-up")
    assert response.status_code == 200
    assert field_errors(response, "email") == []
    assert field_errors(response, "password") == []
    assert field_errors(response, "confirm") == []


def test_signing_up_stores_the_email_lower_case_and_a_default_hash_of_the_password(client):
    response = sign_up(client, email="  Ada@Example.COM ")
    assert response.status_code == 303
    [user] = committed_users()
    assert user.email == "ada@example.com"
    assert user.password_hash.startswith(f"{DEFAULT_METHOD}:")
    assert check_password_hash(user.password_hash, NEW_PASSWORD)
    assert NEW_PASSWORD not in user.password_hash


def test_signing_up_signs_in_and_goes_home(client):
    response = sign_up(client)
    assert response.headers["Location"] == "/"
    page = client.get("/").get_data(as_text=True)
    assert "Welcome! Your account is ready." in page
    assert is_signed_in(client)
    assert "ada@example.com" in client.get("/account/").get_data(as_text=True)


def test_signing_up_goes_on_to_a_page_of_this_site_it_was_asked_for(client):
    response = sign_up(client, query={"next": "/guestbook/new?x=1"})
    assert response.status_code == 303
    assert response.headers["Location"] == "/guestbook/new?x=1"


@pytest.mark.parametrize("email", [email_of_length(EMAIL_MAX_LENGTH), "a@b.co"], ids=["254", "6"])
def test_emails_within_the_limits_are_accepted(client, email):
    assert sign_up(client, email=email).status_code == 303
    assert committed_user(email) is not None


@pytest.mark.parametrize("password", ["p" * 8, "p" * 200], ids=["8", "200"])
def test_passwords_within_the_limits_are_accepted(client, password):
    assert sign_up(client, password=password).status_code == 303
    assert check_password_hash(committed_user("ada@example.com").password_hash, password)


@pytest.mark.usefixtures("user")
@pytest.mark.parametrize("email", ["ada@example.com", "Ada@Example.com", " ADA@EXAMPLE.COM"])
def test_an_email_taken_in_any_letter_case_is_refused_beside_the_field(client, email):
    response = sign_up(client, email=email)
    assert response.status_code == 400
    assert field_errors(response, "email") == [
        "An account with this email exists already. Sign in instead."
    ]
    assert [user.email for user in committed_users()] == ["ada@example.com"]
    assert not is_signed_in(client)


@pytest.mark.parametrize(
    ("email", "password", "confirm", "field", "message"),
    [
        ("", NEW_PASSWORD, None, "email", "Please enter your email address."),
        ("   ", NEW_PASSWORD, None, "email", "Please enter your email address."),
        (
            email_of_length(EMAIL_MAX_LENGTH + 1),
            NEW_PASSWORD,
            None,
            "email",
            "Field cannot be longer than 254 characters.",
        ),
        ("ada", NEW_PASSWORD, None, "email", "Enter an email address like name@example.com."),
        (
            "ada@example",
            NEW_PASSWORD,
            None,
            "email",
            "Enter an email address like name@example.com.",
        ),
        (
            "a da@example.com",
            NEW_PASSWORD,
            None,
            "email",
            "Enter an email address like name@example.com.",
        ),
        (
            "a@b@example.com",
            NEW_PASSWORD,
            None,
            "email",
            "Enter an email address like name@example.com.",
        ),
        ("ada\x00@example.com", NEW_PASSWORD, None, "email", "Remove the invisible NUL character."),
        ("ada@example.com", "", None, "password", "Please choose a password."),
        (
            "ada@example.com",
            "p" * 7,
            None,
            "password",
            "Use 8 to 200 characters for your password.",
        ),
        (
            "ada@example.com",
            "p" * 201,
            None,
            "password",
            "Use 8 to 200 characters for your password.",
        ),
        (
            "ada@example.com",
            "pass\x00word",
            None,
            "password",
            "Remove the invisible NUL character.",
        ),
        ("ada@example.com", NEW_PASSWORD, "", "confirm", "Please type the password again."),
        (
            "ada@example.com",
            NEW_PASSWORD,
            NEW_PASSWORD + "!",
            "confirm",
            "The passwords do not match.",
        ),
    ],
    ids=[
        "empty email",
        "blank email",
        "email too long",
        "email without @",
        "email without a dot in the domain",
        "email with a space",
        "email with two @",
        "email with NUL",
        "empty password",
        "password too short",
        "password too long",
        "password with NUL",
        "empty confirmation",
        "confirmation differs",
    ],
)
def test_a_mistake_is_refused_with_400_beside_its_field_and_creates_nothing(
    client, email, password, confirm, field, message
):
    response = sign_up(client, email=email, password=password, confirm=confirm)
    assert response.status_code == 400
    assert message in field_errors(response, field)
    assert committed_users() == []
    assert not is_signed_in(client)


def test_an_email_that_lower_case_makes_too_long_is_refused_beside_the_field(client):
    # "İ" lower-cases to two characters ("i" and a combining dot): 254 typed, 255 stored.
    email = "İ" + email_of_length(EMAIL_MAX_LENGTH - 1)
    response = sign_up(client, email=email)
    assert response.status_code == 400
    assert field_errors(response, "email") == ["Field cannot be longer than 254 characters."]
    assert committed_users() == []


def test_a_sign_up_tells_other_layers_of_the_new_account_once_it_is_signed_in(app, client):
    """`account_created` is sent once the account is committed and signed in; a receiver may
    add a message after the welcome. A first password is no change of password.
    """
    created = []
    changed = []

    def receiver(sender, user):
        created.append((sender, user.email, current_user == user))
        flash("A note from another layer.", "info")

    with (
        account_created.connected_to(receiver, app),
        password_changed.connected_to(lambda sender, user: changed.append(user), app),
    ):
        assert sign_up(client).status_code == 303
        page = client.get("/").get_data(as_text=True)
        assert page.index("Welcome! Your account is ready.") < page.index(
            "A note from another layer."
        )
        assert sign_up(client).status_code == 400  # taken: nothing new to tell
        assert sign_up(client, email="grace@example.com", confirm="typo").status_code == 400
    assert created == [(app, "ada@example.com", True)]
    assert changed == []
