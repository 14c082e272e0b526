"""Redirects: every redirect leads to a path on this site, whatever the request says."""

from urllib.parse import parse_qs, urlsplit

import pytest

from app.database import db
from app.guestbook.models import GuestbookEntry
from tests.accounts.fixtures import PASSWORD

OFF_SITE = ["https://attacker.example/", "//attacker.example/", "/\\attacker.example"]


@pytest.fixture
def entry_id(user):
    """The id of one committed entry, written by `user`."""
    entry = GuestbookEntry(name="Ada", message="Hi", author_id=user.id)
    db.session.add(entry)
    db.session.commit()
    return entry.id


@pytest.mark.parametrize("target", OFF_SITE)
@pytest.mark.parametrize("parameter", ["next", "return_to", "redirect"])
def test_no_post_can_be_sent_off_site(signed_in, entry_id, target, parameter):
    """The kit never redirects to a URL from the request: each Location is its own path."""
    form = {"name": "Ada", "message": "Hi"}
    query = {parameter: target}
    for path in ("/submit", "/guestbook/new", f"/guestbook/{entry_id}/edit"):
        response = signed_in.post(path, data=form, query_string=query)
        assert response.status_code == 303
        assert response.headers["Location"] in {"/submit", "/guestbook/", f"/guestbook/{entry_id}"}
    response = signed_in.post(f"/guestbook/{entry_id}/delete", query_string=query)
    assert response.headers["Location"] == "/guestbook/"


def on_this_site(location: str) -> bool:
    """True for a path on this site, which no browser reads as another host."""
    parts = urlsplit(location)
    return not (parts.scheme or parts.netloc) and location.startswith("/") and "\\" not in location


@pytest.mark.parametrize("target", OFF_SITE)
def test_signing_in_first_comes_back_only_to_this_site(client, user, entry_id, target):
    """A visitor not signed in goes to sign in, then back to the page they asked for, here.

    An off-site address in the request stays inside that page's query, where nothing follows it.
    """
    email = user.email
    for path in ("/guestbook/new", f"/guestbook/{entry_id}/edit", f"/guestbook/{entry_id}/delete"):
        response = client.post(path, query_string={"next": target})
        assert response.status_code == 302
        location = urlsplit(response.headers["Location"])
        assert (location.scheme, location.netloc, location.path) == ("", "", "/account/sign-in")
        come_back_to = parse_qs(location.query)["next"][0]
        assert urlsplit(come_back_to).path == path
        assert parse_qs(urlsplit(come_back_to).query) == {"next": [target]}
        sign_in = client.post(
            "/account/sign-in",
            data={"email": email, "password": PASSWORD},
            query_string={"next": come_back_to},
        )
        assert sign_in.status_code == 303
        assert on_this_site(sign_in.headers["Location"])
        client.post("/account/sign-out")
