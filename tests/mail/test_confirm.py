"""Confirming the address: sign-up sends a link by SMTP, the link confirms it once, and the
account page shows the state and sends the link again.
"""

from datetime import timedelta

import pytest

from app.database import db
from config import Config
from tests.accounts.fixtures import ADA, client_of
from tests.accounts.helpers import committed_user, sign_up
from tests.mail.fixtures import SENDER
from tests.mail.helpers import altered, body, link_path, move_clock, page_text

SITE_NAME = Config.SITE_NAME


def confirmation_link(client, inbox) -> str:
    """The path of the link sent to `client`'s account (ADA) from the account page's button."""
    assert client.post("/account/confirm", data={"email": ADA}).status_code == 303
    link = link_path(inbox.only_message(ADA))
    inbox.messages.clear()
    return link


def test_signing_up_sends_a_link_that_confirms_the_address(client, inbox):
    assert sign_up(client).status_code == 303
    message = inbox.only_message(ADA)
    assert message["From"] == SENDER
    assert message["Subject"] == f"Confirm your email address for {SITE_NAME}"
    assert "within 7 days" in body(message)
    home = page_text(client.get("/"))
    assert "Welcome! Your account is ready." in home
    assert f"We sent a link to {ADA}: open it to confirm your address." in home
    assert committed_user(ADA).email_confirmed_at is None
    assert "Not confirmed yet" in page_text(client.get("/account/"))

    response = client.get(link_path(message))
    assert response.status_code == 303
    assert response.headers["Location"] == "/"
    assert "Thank you: your email address is confirmed." in page_text(client.get("/"))
    assert committed_user(ADA).email_confirmed_at is not None
    account = page_text(client.get("/account/"))
    assert "Confirmed on" in account
    assert "Send the link again" not in account


def test_a_second_visit_to_the_link_says_so_and_changes_nothing(signed_in, inbox):
    client = signed_in
    link = confirmation_link(client, inbox)
    client.get(link)
    confirmed_at = committed_user(ADA).email_confirmed_at
    assert client.get(link).status_code == 303
    assert "Your email address was confirmed already." in page_text(client.get("/"))
    assert committed_user(ADA).email_confirmed_at == confirmed_at


def test_the_link_works_without_signing_in(client, signed_in, inbox):
    link = confirmation_link(signed_in, inbox)
    assert client.get(link).status_code == 303
    assert committed_user(ADA).email_confirmed_at is not None


def test_the_link_of_another_account_is_refused_with_403(app, signed_in, inbox, other_user):
    link = confirmation_link(signed_in, inbox)
    response = client_of(app, other_user).get(link)
    assert response.status_code == 403
    assert "This link is for another account. Sign out, then open it again." in page_text(response)
    assert committed_user(ADA).email_confirmed_at is None


@pytest.mark.parametrize(
    "alter",
    [
        altered,
        lambda link: link.replace("/confirm/", "/confirm/x"),  # the account and address
        lambda link: link[: len(link) // 2],  # cut short
        lambda _link: "/account/confirm/" + "a" * 5000,
    ],
)
def test_an_altered_link_gets_400_and_confirms_nothing(signed_in, inbox, alter):
    response = signed_in.get(alter(confirmation_link(signed_in, inbox)))
    assert response.status_code == 400
    assert "This link is not valid: check that you opened all of it." in page_text(response)
    assert "Send a new one from your account page." in page_text(response)
    assert committed_user(ADA).email_confirmed_at is None


def test_a_link_older_than_a_week_gets_400_and_confirms_nothing(
    client, signed_in, inbox, monkeypatch
):
    link = confirmation_link(signed_in, inbox)
    move_clock(monkeypatch, timedelta(days=7, seconds=2))
    response = client.get(link)
    assert response.status_code == 400
    assert "This link has expired." in page_text(response)
    assert committed_user(ADA).email_confirmed_at is None


def test_a_link_to_an_address_the_account_no_longer_has_gets_400(client, signed_in, inbox):
    link = confirmation_link(signed_in, inbox)
    user = committed_user(ADA)
    user.email = "ada@elsewhere.example"
    db.session.commit()
    response = client.get(link)
    assert response.status_code == 400
    assert "the account changed since it was sent" in page_text(response)
    assert committed_user("ada@elsewhere.example").email_confirmed_at is None


def test_the_link_of_a_deleted_account_gets_404(client, signed_in, inbox):
    link = confirmation_link(signed_in, inbox)
    db.session.delete(committed_user(ADA))
    db.session.commit()
    response = client.get(link)
    assert response.status_code == 404
    assert "The account this link is for no longer exists." in page_text(response)


def test_the_account_page_sends_the_link_again(app, inbox, user):
    client = client_of(app, user)
    response = client.post("/account/confirm", data={"email": ADA})
    assert response.status_code == 303
    assert response.headers["Location"] == "/account/"
    assert f"We sent a new link to {ADA}." in page_text(client.get("/account/"))
    assert client.get(link_path(inbox.only_message(ADA))).status_code == 303
    assert committed_user(ADA).email_confirmed_at is not None


def test_a_confirmed_account_is_not_sent_the_link_again(app, inbox, user):
    user.email_confirmed_at = user.created_at
    db.session.commit()
    client = client_of(app, user)
    assert client.post("/account/confirm", data={"email": ADA}).status_code == 303
    assert "Your email address was confirmed already." in page_text(client.get("/account/"))
    assert inbox.messages == []


def test_a_resend_form_of_another_account_is_refused(app, inbox, user):
    """A page loaded before the visitor signed in as someone else names another address."""
    response = client_of(app, user).post("/account/confirm", data={"email": "grace@example.com"})
    assert response.status_code == 400
    assert "That page was for another account." in page_text(response)
    assert inbox.messages == []


def test_sending_again_needs_an_account(client, inbox):
    response = client.post("/account/confirm", data={"email": ADA})
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/account/sign-in")
    assert inbox.messages == []
