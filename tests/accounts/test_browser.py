"""Accounts as people use them: sign up, sign out, sign in, change the password.

Every test signs up with an email of its own (see tab.py), so the tests do not depend on
one another's order. Each page they reach is audited, error messages shown included.
"""

import pytest
from playwright.sync_api import expect

from tests.e2e.tab import PASSWORD

pytestmark = pytest.mark.browser

NEW_PASSWORD = "a new and longer passphrase"


def test_an_account_is_made_then_signed_out_of_and_signed_into_again(tab):
    """Sign up from the header; sign out; a page that needs the account asks to sign in,
    refuses a wrong password, and after the right one shows the page that was asked for.
    """
    tab.visit("/")
    tab.click_through(tab.navigation.get_by_role("link", name="Sign up"))
    expect(tab.heading).to_have_text("Sign up")
    tab.click_through(tab.page.get_by_role("button", name="Create account"), status=400)
    expect(tab.page.get_by_text("Please enter your email address.")).to_be_visible()
    expect(tab.page.get_by_text("Please choose a password.")).to_be_visible()
    expect(tab.page.get_by_label("Email")).to_have_attribute("aria-invalid", "true")

    email = tab.sign_up()
    # The first message: another layer may add its own after it.
    expect(tab.status.first).to_have_text("Welcome! Your account is ready.")
    expect(tab.navigation.get_by_role("link", name="Sign in")).to_have_count(0)
    tab.click_through(tab.navigation.get_by_role("link", name="Account"))
    expect(tab.heading).to_have_text("Your account")
    expect(tab.page.get_by_role("main")).to_contain_text(f"Signed in as {email}.")

    tab.sign_out()
    expect(tab.status).to_have_text("You are signed out.")
    expect(tab.navigation.get_by_role("link", name="Account")).to_have_count(0)

    tab.visit("/account/")
    expect(tab.heading).to_have_text("Sign in")
    expect(tab.status).to_have_text("Please sign in first.")
    tab.sign_in(email, "not the password", status=400)
    expect(tab.page.get_by_role("alert")).to_have_text(
        "That email and password do not match an account."
    )
    tab.sign_in(email)
    expect(tab.status).to_have_text("You are signed in.")
    expect(tab.heading).to_have_text("Your account")
    tab.sign_out()


def test_a_new_password_replaces_the_old_one_and_signs_out_other_browsers(tab, other_tab):
    """The current password must be right; then only the new one signs in, and a browser
    that was signed in with the old one is signed out.
    """
    tab.visit("/account/sign-up")
    email = tab.sign_up()
    other_tab.visit("/account/sign-in")
    other_tab.sign_in(email)
    tab.click_through(tab.navigation.get_by_role("link", name="Account"))

    tab.page.get_by_label("Current password").fill("not the password")
    tab.page.get_by_label("New password", exact=True).fill(NEW_PASSWORD)
    tab.page.get_by_label("Repeat the new password").fill(NEW_PASSWORD)
    change = tab.page.get_by_role("button", name="Change password")
    tab.click_through(change, status=400)
    expect(tab.page.get_by_text("That is not your current password.")).to_be_visible()
    tab.page.get_by_label("Current password").fill(PASSWORD)
    tab.page.get_by_label("New password", exact=True).fill(NEW_PASSWORD)
    tab.page.get_by_label("Repeat the new password").fill(NEW_PASSWORD)
    tab.click_through(change)
    expect(tab.status).to_have_text("Your password is changed. Other devices are signed out.")
    expect(tab.heading).to_have_text("Your account")  # this browser stays signed in

    other_tab.visit("/")
    expect(other_tab.navigation.get_by_role("link", name="Sign in")).to_be_visible()

    tab.sign_out()
    tab.click_through(tab.navigation.get_by_role("link", name="Sign in"))
    tab.sign_in(email, PASSWORD, status=400)
    tab.sign_in(email, NEW_PASSWORD)
    expect(tab.status).to_have_text("You are signed in.")
