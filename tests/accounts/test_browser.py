"""Accounts as people use them: sign up, sign out, sign in, change the password.

Every test signs up with an email of its own (see tab.py), so the tests do not depend on
one another's order. Each page they reach is audited, error messages shown included.
"""

from playwright.sync_api import expect

from tests.e2e.tab import PASSWORD, Tab

NEW_PASSWORD = "a new and longer passphrase"


def flash(tab: Tab):
    """The message the last action left at the top of the page."""
    return tab.page.get_by_role("status")


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
    expect(flash(tab)).to_have_text("Welcome! Your account is ready.")
    expect(tab.navigation.get_by_role("link", name="Sign in")).to_have_count(0)
    tab.click_through(tab.navigation.get_by_role("link", name="Account"))
    expect(tab.heading).to_have_text("Your account")
    expect(tab.page.get_by_role("main")).to_contain_text(f"Signed in as {email}.")

    tab.sign_out()
    expect(flash(tab)).to_have_text("You are signed out.")
    expect(tab.navigation.get_by_role("link", name="Account")).to_have_count(0)

    tab.visit("/account/")
    expect(tab.heading).to_have_text("Sign in")
    expect(flash(tab)).to_have_text("Please sign in first.")
    tab.sign_in(email, "not the password", status=400)
    expect(tab.page.get_by_role("alert")).to_have_text(
        "That email and password do not match an account."
    )
    tab.sign_in(email)
    expect(flash(tab)).to_have_text("You are signed in.")
    expect(tab.heading).to_have_text("Your account")
    tab.sign_out()


# layer: api
def test_a_new_api_token_is_shown_once_writes_as_its_account_and_is_revoked(tab):
    """The secret is on the page that created it and nowhere after; it signs API writes
    until the account revokes it.
    """
    tab.visit("/account/sign-up")
    tab.sign_up()
    tab.click_through(tab.navigation.get_by_role("link", name="Account"))
    tab.click_through(tab.page.get_by_role("link", name="Your API tokens"))
    expect(tab.heading).to_have_text("API tokens")
    expect(tab.page.get_by_text("You have no API tokens yet.")).to_be_visible()
    create = tab.page.get_by_role("button", name="Create token")
    tab.click_through(create, status=400)
    expect(tab.page.get_by_text("Please name the token.")).to_be_visible()

    tab.page.get_by_label("Token name").fill("laptop")
    tab.click_through(create)
    expect(flash(tab)).to_contain_text("Your new token laptop is below.")
    secret = flash(tab).locator("code").inner_text()
    assert len(secret) >= 32
    row = tab.page.get_by_role("row").filter(has_text="laptop")
    expect(row).to_contain_text("Active")

    entry = {"name": "Ada's script", "message": "Written with a token from the tokens page."}
    bearer = {"Authorization": f"Bearer {secret}"}
    written = tab.page.request.post("/api/v1/entries", data=entry, headers=bearer)
    assert written.status == 201, written.text()
    tab.visit(written.headers["location"].replace("/api/v1/entries/", "/guestbook/"))
    expect(tab.page.get_by_role("link", name="Edit")).to_be_visible()  # the account wrote it

    tab.visit("/account/tokens/")
    expect(tab.page.get_by_text(secret)).to_have_count(0)
    tab.click_through(tab.page.get_by_role("button", name="Revoke laptop"))
    expect(flash(tab)).to_have_text("The token 'laptop' is revoked.")
    expect(row).to_contain_text("Revoked")
    expect(tab.page.get_by_role("button", name="Revoke laptop")).to_have_count(0)
    refused = tab.page.request.post("/api/v1/entries", data=entry, headers=bearer)
    assert refused.status == 401


# end layer: api
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
    expect(flash(tab)).to_have_text("Your password is changed. Other devices are signed out.")
    expect(tab.heading).to_have_text("Your account")  # this browser stays signed in

    other_tab.visit("/")
    expect(other_tab.navigation.get_by_role("link", name="Sign in")).to_be_visible()

    tab.sign_out()
    tab.click_through(tab.navigation.get_by_role("link", name="Sign in"))
    tab.sign_in(email, PASSWORD, status=400)
    tab.sign_in(email, NEW_PASSWORD)
    expect(flash(tab)).to_have_text("You are signed in.")
