"""The API under the limits: its writes count against the one total of writes, which the
guestbook's pages share, and writes refused for a wrong token are limited on their own (see
tests/limits/test_writes.py).
"""

import pytest
from sqlalchemy import func, select

from app.api.models import ApiToken
from app.database import db
from app.errors import PLAIN_MESSAGES
from app.guestbook.models import GuestbookEntry
from tests.accounts.fixtures import client_of, make_user

ENTRY = {"name": "Ada", "message": "Hello"}


def bearer(secret: str) -> dict[str, str]:
    """The headers that send `secret` as a bearer token."""
    return {"Authorization": f"Bearer {secret}"}


@pytest.fixture
def ada(limited_site):
    """An account on `limited_site`: a test client signed in to it, and its API token."""
    with limited_site.app_context():
        user = make_user("ada@example.com")
        row, secret = ApiToken.issue(user.id, "limits")
        db.session.add(row)
        db.session.commit()
        return client_of(limited_site, user), secret


def entry_count(site) -> int:
    """The entries `site`'s database holds."""
    with site.app_context():
        return db.session.scalar(select(func.count()).select_from(GuestbookEntry))


def test_the_eleventh_wrong_token_in_a_minute_gets_the_429_json_error(limited_site):
    client = limited_site.test_client()
    for _ in range(10):
        response = client.post("/api/v1/entries", json=ENTRY, headers=bearer("guess"))
        assert response.status_code == 401
    response = client.post("/api/v1/entries", json=ENTRY, headers=bearer("guess"))
    assert response.status_code == 429
    assert response.json == {"error": {"status": 429, "message": PLAIN_MESSAGES[429], "fields": {}}}
    assert int(response.headers["Retry-After"]) > 0


def test_wrong_tokens_on_every_kind_of_write_are_counted_together(limited_site, ada):
    _, secret = ada
    client = limited_site.test_client()
    entry_id = client.post("/api/v1/entries", json=ENTRY, headers=bearer(secret)).json["id"]
    path, guess = f"/api/v1/entries/{entry_id}", bearer("guess")
    statuses = [client.patch(path, json=ENTRY, headers=guess).status_code for _ in range(4)]
    statuses += [client.delete(path, headers=guess).status_code for _ in range(3)]
    statuses += [
        client.post("/api/v1/entries", json=ENTRY, headers=guess).status_code for _ in range(3)
    ]
    assert statuses == [401] * 10
    # The address is stopped, the right token with it, until the minute is over.
    assert client.delete(path, headers=bearer(secret)).status_code == 429
    assert entry_count(limited_site) == 1


def test_the_thirty_first_api_write_in_a_minute_gets_429_and_is_not_saved(limited_site, ada):
    _, secret = ada
    client = limited_site.test_client()
    for _ in range(30):
        response = client.post("/api/v1/entries", json=ENTRY, headers=bearer(secret))
        assert response.status_code == 201
    response = client.post("/api/v1/entries", json=ENTRY, headers=bearer(secret))
    assert response.status_code == 429
    assert response.json["error"]["status"] == 429
    assert entry_count(limited_site) == 30


def test_the_api_and_the_guestbook_s_pages_share_one_count_of_writes(limited_site, ada):
    pages, secret = ada
    api = limited_site.test_client()
    for n in range(15):
        signed = pages.post("/guestbook/new", data={"name": "Ada", "message": f"page {n}"})
        assert signed.status_code == 303
        assert api.post("/api/v1/entries", json=ENTRY, headers=bearer(secret)).status_code == 201
    assert api.post("/api/v1/entries", json=ENTRY, headers=bearer(secret)).status_code == 429
    one_more = {"name": "Ada", "message": "one too many"}
    assert pages.post("/guestbook/new", data=one_more).status_code == 429
    assert entry_count(limited_site) == 30
