"""`next`: after signing in or up, only a page of this site, never somewhere a link chose."""

import itertools
from urllib.parse import urlsplit

import pytest

from app.accounts.next_page import safe_next_path
from tests.accounts.helpers import sign_in, sign_up

HOSTILE = [
    "https://evil.example",
    "//evil.example",
    "/\\evil.example",
    "\\\\evil",
    "javascript:alert(1)",
    "/ok\r\nLocation: x",
    "/ok\tx",
    "/ok\x00",
    "/ok\\..\\evil",
    "",
    "guestbook",
    "http:/evil.example",
]
SAFE = ["/", "/guestbook/new?x=1", "/account/", "/a/b?next=//evil.example#top"]


@pytest.mark.parametrize("target", HOSTILE)
def test_anything_but_a_path_of_this_site_is_refused(target):
    assert safe_next_path(target) is None


def test_no_next_at_all_is_refused():
    assert safe_next_path(None) is None


@pytest.mark.parametrize("target", SAFE)
def test_a_path_of_this_site_is_kept_as_it_is(target):
    assert safe_next_path(target) == target


@pytest.mark.usefixtures("user")
@pytest.mark.parametrize("target", HOSTILE)
def test_signing_in_with_a_hostile_next_goes_home(client, target):
    response = sign_in(client, query={"next": target})
    assert response.status_code == 303
    assert response.headers["Location"] == "/"


@pytest.mark.parametrize("target", ["https://evil.example", "//evil.example", "guestbook"])
def test_signing_up_with_a_hostile_next_goes_home(client, target):
    response = sign_up(client, query={"next": target})
    assert response.status_code == 303
    assert response.headers["Location"] == "/"


@pytest.mark.usefixtures("user")
def test_signing_in_with_a_safe_next_goes_there(client):
    response = sign_in(client, query={"next": "/guestbook/new?x=1"})
    assert response.status_code == 303
    assert response.headers["Location"] == "/guestbook/new?x=1"


def test_no_path_it_keeps_has_a_scheme_or_a_host():
    # Every string of up to four of these characters after a slash: whatever is kept must
    # read as a path of this site to a URL parser too.
    pieces = ["/", "\\", ":", "@", ".", "?", "#", "%", " ", "\t", "a", "http"]
    for length in range(5):
        for chosen in itertools.product(pieces, repeat=length):
            target = "/" + "".join(chosen)
            kept = safe_next_path(target)
            if kept is not None:
                parts = urlsplit(kept)
                assert (parts.scheme, parts.netloc) == ("", ""), target
