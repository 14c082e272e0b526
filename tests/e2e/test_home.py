"""The home page leads to every feature, and the header leads back."""

import pytest
from playwright.sync_api import expect

from config import Config

pytestmark = pytest.mark.browser


def test_a_card_on_the_home_page_leads_to_its_feature_and_the_header_leads_home(tab):
    """For each feature in the navigation, whichever layers are installed: follow its card's
    link, see the feature and its current-page mark, and come back home with the brand link.
    """
    tab.visit("/")
    expect(tab.heading).to_contain_text(Config.SITE_NAME)
    features = tab.navigation.get_by_role("list").first.get_by_role("link").all_inner_texts()
    assert features, "the navigation links to no feature"
    for feature in features:
        card_link = tab.page.get_by_role("main").get_by_role("link", name=feature, exact=True)
        tab.click_through(card_link)
        expect(tab.heading).to_be_visible()
        expect(tab.navigation.get_by_role("link", name=feature, exact=True)).to_have_attribute(
            "aria-current", "page"
        )
        tab.click_through(tab.navigation.get_by_role("link", name=Config.SITE_NAME, exact=True))
        expect(tab.heading).to_contain_text(Config.SITE_NAME)


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
