"""Fixtures for the API tests: a token, and the headers that send it."""

import pytest

from app.api.models import ApiToken
from app.extensions import db
from app.guestbook.models import GuestbookEntry


@pytest.fixture
def token() -> str:
    """The secret of an active API token."""
    row, secret = ApiToken.issue("tests")
    db.session.add(row)
    db.session.commit()
    return secret


@pytest.fixture
def auth(token) -> dict[str, str]:
    """Headers that authenticate an API write."""
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def entry() -> GuestbookEntry:
    """One committed entry."""
    row = GuestbookEntry(name="Ada", message="Hello")
    db.session.add(row)
    db.session.commit()
    return row
