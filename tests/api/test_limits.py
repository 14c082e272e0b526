"""API writes wear the writes limit and the wrong-token limit (see test_writes.py)."""

from sqlalchemy import func, select

from app.api.models import ApiToken
from app.errors import PLAIN_MESSAGES
from app.database import db
from app.guestbook.models import GuestbookEntry
from tests.accounts.fixtures import make_user

ENTRY = {"name": "Ada", "message": "Hello"}


def bearer(secret: str) -> dict[str, str]:
    """The headers that send `secret` as a bearer token."""
    return {"Authorization": f"Bearer {secret}"}


def test_the_eleventh_wrong_token_in_a_minute_gets_the_429_json_error(limited_site):
    client = limited_site.test_client()
    for _ in range(10):
        response = client.post("/api/v1/entries", json=ENTRY, headers=bearer("guess"))
        assert response.status_code == 401
    response = client.post("/api/v1/entries", json=ENTRY, headers=bearer("guess"))
    assert response.status_code == 429
    assert response.json == {"error": {"status": 429, "message": PLAIN_MESSAGES[429], "fields": {}}}
    assert int(response.headers["Retry-After"]) > 0


def test_the_thirty_first_api_write_in_a_minute_gets_429_and_is_not_saved(limited_site):
    with limited_site.app_context():
        row, secret = ApiToken.issue(make_user("ada@example.com").id, "limits")
        db.session.add(row)
        db.session.commit()
    client = limited_site.test_client()
    for _ in range(30):
        response = client.post("/api/v1/entries", json=ENTRY, headers=bearer(secret))
        assert response.status_code == 201
    response = client.post("/api/v1/entries", json=ENTRY, headers=bearer(secret))
    assert response.status_code == 429
    assert response.json["error"]["status"] == 429
    with limited_site.app_context():
        assert db.session.scalar(select(func.count()).select_from(GuestbookEntry)) == 30
