"""Signing the guestbook counts against the limit of writes (see tests/limits/test_writes.py)."""

from sqlalchemy import select

from app.database import db
from app.guestbook.models import GuestbookEntry
from tests.accounts.fixtures import client_of, make_user


def test_the_thirty_first_entry_in_a_minute_gets_429_and_is_not_saved(limited_site):
    with limited_site.app_context():
        client = client_of(limited_site, make_user("ada@example.com"))
    for n in range(30):
        form = {"name": "Ada", "message": f"entry {n}"}
        assert client.post("/guestbook/new", data=form).status_code == 303
    response = client.post("/guestbook/new", data={"name": "Ada", "message": "one too many"})
    assert response.status_code == 429
    assert int(response.headers["Retry-After"]) > 0
    with limited_site.app_context():
        messages = db.session.scalars(select(GuestbookEntry.message)).all()
    assert sorted(messages) == sorted(f"entry {n}" for n in range(30))
