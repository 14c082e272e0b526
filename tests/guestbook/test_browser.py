"""The guestbook as people use it: read, page through; with an account: sign, edit, delete.

The server's database starts with 45 demo entries (see server.py), and every test signs
with a name and an account of its own, so the tests do not depend on one another's order.
"""

import secrets

import pytest
from playwright.sync_api import expect

from tests.e2e.tab import Tab

pytestmark = pytest.mark.browser


def unique_name() -> str:
    """A visitor's name no other test uses."""
    return f"Visitor {secrets.token_hex(4)}"


def entries(tab: Tab):
    """The entries listed on the page, newest first."""
    return tab.page.get_by_role("main").get_by_role("listitem")


def sign_guestbook(tab: Tab, name: str, message: str) -> None:
    """Sign (signed in) from the guestbook's own button, and land back on the list."""
    tab.visit("/guestbook/")
    tab.click_through(tab.page.get_by_role("link", name="Sign the guestbook"))
    fill_entry(tab, name, message)


def fill_entry(tab: Tab, name: str, message: str) -> None:
    """On the signing form, write the entry and save it."""
    expect(tab.heading).to_have_text("Sign the guestbook")
    tab.page.get_by_label("Name", exact=True).fill(name)
    tab.page.get_by_label("Message").fill(message)
    tab.click_through(tab.page.get_by_role("button", name="Save entry"))


def test_signing_shows_thanks_and_puts_the_entry_on_top(tab):
    """An empty form is refused field by field; a filled one is listed first."""
    tab.visit("/account/sign-up")
    tab.sign_up()
    tab.visit("/guestbook/new")
    tab.click_through(tab.page.get_by_role("button", name="Save entry"), status=400)
    expect(tab.page.get_by_text("Please enter your name.")).to_be_visible()
    expect(tab.page.get_by_text("Please write a message.")).to_be_visible()

    name = unique_name()
    sign_guestbook(tab, name, "Signed from a real browser.")
    expect(tab.status).to_have_text("Thank you for signing the guestbook!")
    expect(entries(tab).first).to_contain_text(name)
    expect(entries(tab).first).to_contain_text("Signed from a real browser.")


def test_older_entries_are_a_page_away_and_newer_ones_a_page_back(tab):
    """Page 2 shows none of page 1's entries; "Newer entries" brings page 1 back."""
    tab.visit("/guestbook/")
    first_page = entries(tab).all_inner_texts()
    assert len(first_page) == 20
    tab.click_through(tab.page.get_by_role("link", name="Older entries"))
    second_page = entries(tab).all_inner_texts()
    assert second_page
    assert not set(first_page) & set(second_page)
    tab.click_through(tab.page.get_by_role("link", name="Newer entries"))
    expect(entries(tab)).to_have_text(first_page)


def test_an_entry_is_edited_and_deleted_from_its_page(tab):
    """Open your entry, change its message with Edit, then remove it with Delete."""
    tab.visit("/account/sign-up")
    tab.sign_up()
    name = unique_name()
    sign_guestbook(tab, name, "Before the edit.")
    tab.click_through(tab.page.get_by_role("link", name=name))
    expect(tab.heading).to_have_text(f"Entry by {name}")

    tab.click_through(tab.page.get_by_role("link", name="Edit"))
    expect(tab.heading).to_have_text("Edit entry")
    message = tab.page.get_by_label("Message")
    expect(message).to_have_value("Before the edit.")
    message.fill("After the edit.")
    tab.click_through(tab.page.get_by_role("button", name="Save entry"))
    expect(tab.status).to_have_text("Your changes are saved.")
    expect(tab.page.get_by_role("main")).to_contain_text("After the edit.")

    tab.click_through(tab.page.get_by_role("button", name="Delete"))
    expect(tab.status).to_have_text("The entry is deleted.")
    expect(tab.heading).to_have_text("Guestbook")
    expect(tab.page.get_by_role("link", name=name)).to_have_count(0)


def test_signing_needs_an_account_and_only_the_author_may_change_an_entry(tab, other_tab):
    """Signing asks for an account, then comes back to the form; another account sees no
    Edit or Delete on the entry, and its edit page answers 403 in the layout.
    """
    tab.visit("/guestbook/")
    tab.click_through(tab.page.get_by_role("link", name="Sign the guestbook"))
    expect(tab.heading).to_have_text("Sign in")
    expect(tab.status).to_have_text("Please sign in first.")
    tab.click_through(tab.page.get_by_role("link", name="Create an account"))
    tab.sign_up()
    name = unique_name()
    fill_entry(tab, name, "Only I may change this.")
    tab.click_through(tab.page.get_by_role("link", name=name))
    expect(tab.page.get_by_role("link", name="Edit")).to_be_visible()
    entry_page = tab.page.url

    other_tab.visit(entry_page)  # not signed in
    expect(other_tab.heading).to_have_text(f"Entry by {name}")
    expect(other_tab.page.get_by_role("link", name="Edit")).to_have_count(0)
    other_tab.visit("/account/sign-up")
    other_tab.sign_up()
    other_tab.visit(entry_page)
    expect(other_tab.page.get_by_role("main")).to_contain_text("Only I may change this.")
    expect(other_tab.page.get_by_role("link", name="Edit")).to_have_count(0)
    expect(other_tab.page.get_by_role("button", name="Delete")).to_have_count(0)

    other_tab.visit(f"{entry_page}/edit", status=403)
    expect(other_tab.heading).to_have_text("403 Forbidden")
    expect(
        other_tab.page.get_by_text("Only the person who wrote this entry can change it.")
    ).to_be_visible()
    expect(other_tab.navigation).to_be_visible()
    expect(other_tab.page.get_by_role("contentinfo")).to_contain_text("Built with Flask")
    other_tab.sign_out()
    tab.visit(entry_page)
    expect(tab.page.get_by_role("main")).to_contain_text("Only I may change this.")
