"""A missing page answers 404 in the site's layout, with a way back."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_a_missing_page_shows_the_404_page_in_the_layout(tab, server_url):
    """The 404 page keeps the header and footer and links to the home page."""
    tab.visit("/no-such-page", status=404)
    expect(tab.heading).to_have_text("404 Not Found")
    expect(tab.page.get_by_text("There is nothing at this address.")).to_be_visible()
    expect(tab.navigation).to_be_visible()
    expect(tab.page.get_by_role("contentinfo")).to_be_visible()
    tab.click_through(tab.page.get_by_role("link", name="Go to the home page"))
    expect(tab.page).to_have_url(f"{server_url}/")
    expect(tab.heading).to_be_visible()
