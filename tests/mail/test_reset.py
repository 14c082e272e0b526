"""Resetting a forgotten password: the same answer for any address, a link by SMTP that works
once, for 30 minutes, until the password changes; using it signs out every session.
"""

from datetime import timedelta

import pytest

from app.database import db
from config import Config
from tests.accounts.fixtures import ADA, PASSWORD_HASH, client_of
from tests.accounts.helpers import (
    NEW_PASSWORD,
    committed_user,
    field_errors,
    is_signed_in,
    sign_in,
)
from tests.mail.helpers import altered, body, link_path, move_clock, page_text

SITE_NAME = Config.SITE_NAME

NOBODY = "nobody@example.com"


def forgot(client, email: str = ADA):
    """POST the "Forgot your password?" form."""
    return client.post("/account/forgot", data={"email": email})


def reset(client, link: str, password: str = NEW_PASSWORD, confirm: str | None = None):
    """POST the reset page's form; `confirm` repeats the password unless given."""
    data = {"password": password, "confirm": password if confirm is None else confirm}
    return client.post(link, data=data)


def reset_link(client, inbox) -> str:
    """Ask for ADA's reset link, and return its path (the message is then forgotten)."""
    assert forgot(client).status_code == 303
    link = link_path(inbox.only_message(ADA))
    inbox.messages.clear()
    return link


def password_unchanged() -> bool:
    """True while ADA's committed password is still the fixtures' one."""
    return committed_user(ADA).password_hash == PASSWORD_HASH


def test_a_reset_link_sets_a_new_password_and_signs_out_every_session(app, client, inbox, user):
    elsewhere = client_of(app, user)
    assert is_signed_in(elsewhere)
    response = forgot(client)
    assert response.status_code == 303
    assert response.headers["Location"] == "/account/sign-in"
    message = inbox.only_message(ADA)
    assert message["Subject"] == f"Reset your password on {SITE_NAME}"
    assert "within 30 minutes" in body(message)

    page = client.get(link_path(message))
    assert page.status_code == 200
    assert field_errors(page, "password") == []
    assert field_errors(page, "confirm") == []
    response = reset(client, link_path(message))
    assert response.status_code == 303
    assert response.headers["Location"] == "/account/sign-in"
    assert "Your password is changed" in page_text(client.get("/account/sign-in"))
    assert not is_signed_in(elsewhere)
    # The link reached the address: that confirms it.
    assert committed_user(ADA).email_confirmed_at is not None
    assert sign_in(client, password=NEW_PASSWORD).status_code == 303
    assert is_signed_in(client)


@pytest.mark.usefixtures("user")
def test_the_reset_page_hashes_holding_no_connection(client, inbox, in_transaction_while_hashing):
    """As every view of the accounts layer does (tests/accounts/test_hashing.py)."""
    assert reset(client, reset_link(client, inbox)).status_code == 303
    assert in_transaction_while_hashing == [False]
    assert sign_in(client, password=NEW_PASSWORD).status_code == 303


def test_any_address_gets_the_same_answer_and_one_email(client, inbox, user):
    """Known or not, the answer is the same; each address gets one email (a reset link, or a
    note that no account uses it), so the page does not tell them apart, and both do the same
    work: one email sent.
    """
    known = forgot(client, ADA)
    shown_known = page_text(client.get("/account/sign-in"))
    unknown = forgot(client, NOBODY)
    shown_unknown = page_text(client.get("/account/sign-in"))
    assert (known.status_code, known.headers["Location"]) == (303, "/account/sign-in")
    assert (unknown.status_code, unknown.headers["Location"]) == (303, "/account/sign-in")
    assert "a link to reset its password is on its way" in shown_known
    assert shown_known.replace(ADA, NOBODY) == shown_unknown
    [reset_mail] = inbox.sent_to(ADA)
    assert "/account/reset/" in body(reset_mail)
    [note] = inbox.sent_to(NOBODY)
    assert note["Subject"] == f"Reset your password on {SITE_NAME}"
    assert "no account uses it" in body(note)
    assert "/account/reset/" not in body(note)


def test_the_link_works_once(client, inbox, user):
    user.email_confirmed_at = confirmed = user.created_at
    db.session.commit()
    link = reset_link(client, inbox)
    assert reset(client, link, confirm="a typing mistake").status_code == 400
    assert reset(client, link).status_code == 303  # a refused form left the link working
    assert committed_user(ADA).email_confirmed_at == confirmed  # kept as it was
    new_hash = committed_user(ADA).password_hash
    again = client.get(link)
    assert again.status_code == 400
    assert "This link was used already" in page_text(again)
    assert reset(client, link, "yet another passphrase").status_code == 400
    assert committed_user(ADA).password_hash == new_hash


def test_the_link_dies_when_the_password_changes_another_way(client, inbox, user):
    link = reset_link(client, inbox)
    user.set_password("changed on the account page")
    db.session.commit()
    response = reset(client, link)
    assert response.status_code == 400
    assert 'Ask for a new one from the sign-in page ("Forgot your password?").' in page_text(
        response
    )


def test_a_link_older_than_30_minutes_gets_400_and_changes_nothing(
    client, inbox, user, monkeypatch
):
    link = reset_link(client, inbox)
    move_clock(monkeypatch, timedelta(minutes=30, seconds=2))
    for response in (client.get(link), reset(client, link)):
        assert response.status_code == 400
        assert "This link has expired." in page_text(response)
    assert password_unchanged()


def test_an_altered_link_gets_400_and_changes_nothing(client, inbox, user):
    link = reset_link(client, inbox)
    response = reset(client, altered(link))
    assert response.status_code == 400
    assert "This link is not valid" in page_text(response)
    assert password_unchanged()


def test_a_confirmation_link_is_no_reset_link(signed_in, client, inbox):
    signed_in.post("/account/confirm", data={"email": ADA})
    token = link_path(inbox.only_message(ADA)).rpartition("/")[2]
    assert reset(client, f"/account/reset/{token}").status_code == 400
    assert password_unchanged()


def test_the_link_of_a_deleted_account_gets_404(client, inbox, user):
    link = reset_link(client, inbox)
    db.session.delete(user)
    db.session.commit()
    response = client.get(link)
    assert response.status_code == 404
    assert "The account this link is for no longer exists." in page_text(response)


def test_signed_in_as_another_account_the_link_is_refused(app, client, inbox, user, other_user):
    link = reset_link(client, inbox)
    response = reset(client_of(app, other_user), link)
    assert response.status_code == 403
    assert password_unchanged()


@pytest.mark.parametrize(
    ("password", "confirm", "field", "message"),
    [
        ("x" * 201, None, "password", "Use 8 to 200 characters for your password."),
        ("short", None, "password", "Use 8 to 200 characters for your password."),
        (NEW_PASSWORD, "something else", "confirm", "The passwords do not match."),
        ("", "", "password", "Please choose a password."),
        ("nul\x00 in the password", None, "password", "Remove the invisible NUL character."),
    ],
)
def test_the_form_refuses_a_password_it_can_not_take(
    client, inbox, user, password, confirm, field, message
):
    link = reset_link(client, inbox)
    response = reset(client, link, password, confirm)
    assert response.status_code == 400
    assert field_errors(response, field) == [message]
    assert password_unchanged()


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("", "Please enter your email address."),
        ("not an address", "Enter an email address like name@example.com."),
        ("a" * 250 + "@example.com", "Field cannot be longer than 254 characters."),
    ],
)
def test_the_forgot_form_refuses_what_is_not_an_address_and_sends_nothing(
    client, inbox, email, message
):
    page = client.get("/account/forgot")
    assert page.status_code == 200
    assert field_errors(page, "email") == []
    response = forgot(client, email)
    assert response.status_code == 400
    assert field_errors(response, "email") == [message]
    assert inbox.messages == []


def test_the_sign_in_page_links_to_the_forgot_page(client):
    assert '<a href="/account/forgot">Forgot your password?</a>' in page_text(
        client.get("/account/sign-in")
    )
