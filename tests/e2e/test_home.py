"""The home page leads to every feature, and the header leads back."""

import pytest
from playwright.sync_api import expect

FEATURES = [
    # (link on the home page, heading of the page it leads to)
    ("Hello", "Hello, World!"),
    ("Name form", "Name form"),  # layer: forms
    ("Guestbook", "Guestbook"),  # layer: guestbook
]


@pytest.mark.parametrize(("link", "heading"), FEATURES)
def test_a_card_on_the_home_page_leads_to_its_feature_and_the_header_leads_home(tab, link, heading):
    """Follow the card's link, see the feature and its current-page mark, come back home."""
    tab.visit("/")
    expect(tab.heading).to_have_text("Welcome to the Flask Starter Kit")
    tab.click_through(tab.page.get_by_role("main").get_by_role("link", name=link, exact=True))
    expect(tab.heading).to_have_text(heading)
    navigation = tab.page.get_by_role("navigation", name="Main")
    expect(navigation.get_by_role("link", name=link, exact=True)).to_have_attribute(
        "aria-current", "page"
    )
    tab.click_through(navigation.get_by_role("link", name="Flask Starter Kit"))
    expect(tab.heading).to_have_text("Welcome to the Flask Starter Kit")


def test_the_health_check_card_links_to_a_json_readiness_answer(tab):
    """The readiness link answers JSON for load balancers, so it is fetched, not viewed."""
    tab.visit("/")
    link = tab.page.get_by_role("main").get_by_role("link", name="Health checks")
    answer = tab.page.request.get(link.get_attribute("href"))
    assert answer.status == 200
    assert answer.json() == {"status": "ok"}


def test_markup_in_the_address_is_shown_as_text(tab):
    """An image tag typed into /hello/ is greeted as text, never made into an image."""
    tab.visit("/hello/<img src=x onerror=alert(1)>")
    expect(tab.heading).to_have_text("Hello, <img src=x onerror=alert(1)>!")
    expect(tab.page.locator("main img")).to_have_count(0)
