"""Email as people use it, against the production server and a real SMTP server: sign up and
confirm the address; forget the password, reset it from the link, sign in with the new one.

The links are read from the messages the test's SMTP server received (tests/mail/fixtures.py
points the server there). Each page the tab reaches is audited, error pages included.
"""

import pytest
from playwright.sync_api import expect

from tests.mail.helpers import link_path

pytestmark = pytest.mark.browser

NEW_PASSWORD = "a reset and longer passphrase"


def only_link(smtp_server, email: str) -> str:
    """The path of the link in the one message `email` received (then forgotten)."""
    [message] = smtp_server.handler.sent_to(email)
    smtp_server.handler.messages.remove(message)
    return link_path(message)


def test_a_new_account_confirms_its_address_from_the_email(tab, smtp_server):
    tab.visit("/account/sign-up")
    email = tab.sign_up()
    expect(tab.status.last).to_have_text(
        f"We sent a link to {email}: open it to confirm your address."
    )
    tab.click_through(tab.navigation.get_by_role("link", name="Account"))
    expect(tab.page.get_by_role("main")).to_contain_text("Not confirmed yet")

    link = only_link(smtp_server, email)
    tab.visit(link)
    expect(tab.status).to_have_text("Thank you: your email address is confirmed.")
    tab.click_through(tab.navigation.get_by_role("link", name="Account"))
    expect(tab.page.get_by_role("main")).to_contain_text("Confirmed on")
    tab.visit(link)
    expect(tab.status).to_have_text("Your email address was confirmed already.")


def test_a_forgotten_password_is_reset_from_the_email_once(tab, smtp_server):
    tab.visit("/account/sign-up")
    email = tab.sign_up()
    only_link(smtp_server, email)  # the confirmation
    tab.sign_out()
    tab.click_through(tab.navigation.get_by_role("link", name="Sign in"))
    tab.click_through(tab.page.get_by_role("link", name="Forgot your password?"))
    expect(tab.heading).to_have_text("Forgot your password?")
    send = tab.page.get_by_role("button", name="Send the link")
    tab.click_through(send, status=400)
    expect(tab.page.get_by_text("Please enter your email address.")).to_be_visible()
    tab.page.get_by_label("Email").fill(email)
    tab.click_through(send)
    expect(tab.heading).to_have_text("Sign in")
    expect(tab.status).to_contain_text(f"If an account uses {email}")

    link = only_link(smtp_server, email)
    tab.visit(link)
    expect(tab.heading).to_have_text("Choose a new password")
    tab.page.get_by_label("New password", exact=True).fill(NEW_PASSWORD)
    tab.page.get_by_label("Repeat the new password").fill(NEW_PASSWORD)
    tab.click_through(tab.page.get_by_role("button", name="Change password"))
    expect(tab.status).to_contain_text("Your password is changed")
    tab.sign_in(email, NEW_PASSWORD)
    expect(tab.status).to_have_text("You are signed in.")

    tab.visit(link, status=400)
    expect(tab.page.get_by_role("main")).to_contain_text("This link was used already")
