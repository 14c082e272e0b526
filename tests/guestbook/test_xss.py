"""XSS: hostile input in every guestbook field and query parameter comes back as text."""

import pytest
from sqlalchemy import select

from app.guestbook.models import GuestbookEntry
from tests.database.helpers import committed
from tests.helpers import HOSTILE_INPUTS, assert_shown_as_text


@pytest.mark.parametrize("payload", HOSTILE_INPUTS)
def test_guestbook_fields_are_escaped_on_every_page_that_shows_them(signed_in, payload):
    """Name and message in the list, the entry page, its title and the author's edit form."""
    signed_in.post("/guestbook/new", data={"name": payload, "message": payload})
    entry = committed(select(GuestbookEntry)).one()
    for path in ("/guestbook/", f"/guestbook/{entry.id}", f"/guestbook/{entry.id}/edit"):
        response = signed_in.get(path)
        assert response.status_code == 200
        assert_shown_as_text(response.get_data(as_text=True), payload.strip())


@pytest.mark.parametrize("payload", HOSTILE_INPUTS)
@pytest.mark.parametrize("parameter", ["before", "after", "limit"])
def test_query_parameters_never_reach_the_page(client, payload, parameter):
    """A hostile page link or limit is refused with a fixed message that does not echo it."""
    response = client.get("/guestbook/", query_string={parameter: payload})
    assert response.status_code == 400
    assert payload not in response.get_data(as_text=True)
