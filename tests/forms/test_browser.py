"""The name form: a validation message for an empty name, then a greeting."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_an_empty_name_is_refused_beside_the_field_then_a_name_is_greeted(tab):
    """Submit empty: 400 and the message; type a name: the greeting flash after a redirect."""
    tab.visit("/submit")
    say_hello = tab.page.get_by_role("button", name="Say hello")
    tab.click_through(say_hello, status=400)
    name_field = tab.page.get_by_label("Your name")
    expect(name_field).to_have_attribute("aria-invalid", "true")
    expect(tab.page.get_by_text("Please enter your name.")).to_be_visible()

    name_field.fill("Ada")
    tab.click_through(say_hello)
    expect(tab.status).to_have_text("Hello, Ada! Your form passed validation.")
    expect(tab.page.get_by_label("Your name")).to_have_value("")
