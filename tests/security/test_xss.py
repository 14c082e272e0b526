"""XSS: hostile input, sent through every form field and URL parameter, comes back as text."""

import pytest
from markupsafe import escape
from sqlalchemy import select

from app.guestbook.models import GuestbookEntry
from tests.helpers import committed

HOSTILE_INPUTS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "' autofocus onfocus='alert(1)",
    "javascript:alert(1)",
    "<svg onload=alert(1)>",
    '<a href="javascript:alert(1)">click</a>',
    "<iframe srcdoc='<script>alert(1)</script>'>",
    "\u202e<script>alert(1)</script>",  # right-to-left override
    "\uff1cscript\uff1ealert(1)",  # full-width angle brackets
    "{{ 7 * 7 }}{% raw %}",  # template syntax must stay text
]


def assert_shown_as_text(page: str, payload: str) -> None:
    """The payload appears escaped, never as markup, and never as a link target."""
    assert str(escape(payload)) in page
    if any(char in payload for char in "<>\"'"):
        assert payload not in page
    assert 'href="javascript:' not in page.lower()


@pytest.mark.parametrize("payload", HOSTILE_INPUTS)
def test_guestbook_fields_are_escaped_on_every_page_that_shows_them(client, payload):
    """Name and message in the list, the entry page, its title and the edit form."""
    client.post("/guestbook/new", data={"name": payload, "message": payload})
    entry = committed(select(GuestbookEntry)).one()
    for path in ("/guestbook/", f"/guestbook/{entry.id}", f"/guestbook/{entry.id}/edit"):
        assert_shown_as_text(client.get(path).get_data(as_text=True), payload.strip())


@pytest.mark.parametrize("payload", HOSTILE_INPUTS)
def test_the_name_form_greeting_is_escaped(client, payload):
    """The flashed greeting, and the form re-shown with errors, keep markup as text."""
    client.post("/submit", data={"name": payload})
    assert_shown_as_text(client.get("/submit").get_data(as_text=True), payload.strip())
    too_long = payload + "x" * 60
    assert_shown_as_text(
        client.post("/submit", data={"name": too_long}).get_data(as_text=True), too_long
    )


@pytest.mark.parametrize("payload", [p for p in HOSTILE_INPUTS if "/" not in p])
def test_the_greeting_in_the_url_is_escaped(client, payload):
    """/hello/<name> shows any name as text."""
    response = client.get(f"/hello/{payload}")
    assert response.status_code == 200
    assert_shown_as_text(response.get_data(as_text=True), payload)


@pytest.mark.parametrize("payload", HOSTILE_INPUTS)
@pytest.mark.parametrize("parameter", ["cursor", "limit"])
def test_query_parameters_never_reach_the_page(client, payload, parameter):
    """A hostile cursor or limit is refused with a fixed message that does not echo it."""
    response = client.get("/guestbook/", query_string={parameter: payload})
    assert response.status_code == 400
    assert payload not in response.get_data(as_text=True)
