"""Redirects: every redirect leads to a path on this site, whatever the request says."""

import pytest

from app.extensions import db
from app.guestbook.models import GuestbookEntry

OFF_SITE = ["https://attacker.example/", "//attacker.example/", "/\\attacker.example"]


@pytest.fixture
def entry_id():
    """The id of one committed entry."""
    entry = GuestbookEntry(name="Ada", message="Hi")
    db.session.add(entry)
    db.session.commit()
    return entry.id


@pytest.mark.parametrize("target", OFF_SITE)
@pytest.mark.parametrize("parameter", ["next", "return_to", "redirect"])
def test_no_post_can_be_sent_off_site(client, entry_id, target, parameter):
    """The kit never redirects to a URL from the request: each Location is its own path."""
    form = {"name": "Ada", "message": "Hi"}
    query = {parameter: target}
    for path in ("/submit", "/guestbook/new", f"/guestbook/{entry_id}/edit"):
        response = client.post(path, data=form, query_string=query)
        assert response.status_code == 303
        assert response.headers["Location"] in {"/submit", "/guestbook/", f"/guestbook/{entry_id}"}
    response = client.post(f"/guestbook/{entry_id}/delete", query_string=query)
    assert response.headers["Location"] == "/guestbook/"
