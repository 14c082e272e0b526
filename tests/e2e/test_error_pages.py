"""A missing page answers 404 in the site's layout, with a way back."""

from playwright.sync_api import expect


def test_a_missing_page_shows_the_404_page_in_the_layout(tab):
    """The 404 page keeps the header and footer and links to the home page."""
    tab.visit("/no-such-page", status=404)
    expect(tab.heading).to_have_text("404 Not Found")
    expect(tab.page.get_by_text("There is nothing at this address.")).to_be_visible()
    expect(tab.page.get_by_role("navigation", name="Main")).to_be_visible()
    expect(tab.page.get_by_role("contentinfo")).to_contain_text("Built with Flask")
    tab.click_through(tab.page.get_by_role("link", name="Go to the home page"))
    expect(tab.heading).to_have_text("Welcome to the Flask Starter Kit")
