"""The API as a developer meets it in the browser: a token made on the tokens page, shown
once, writes as its account until it is revoked.

Every test signs up with an email of its own (see tab.py). Each page it reaches is audited.
"""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


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
    expect(tab.status).to_contain_text("Your new token laptop is below.")
    secret = tab.status.locator("code").inner_text()
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
    expect(tab.status).to_have_text("The token 'laptop' is revoked.")
    expect(row).to_contain_text("Revoked")
    expect(tab.page.get_by_role("button", name="Revoke laptop")).to_have_count(0)
    refused = tab.page.request.post("/api/v1/entries", data=entry, headers=bearer)
    assert refused.status == 401
