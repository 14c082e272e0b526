"""Fixtures for the API tests: a token of an account, the headers that send it, and an
entry that account wrote.
"""

import pytest

from app.accounts.models import User
from app.database import db
from app.guestbook.models import GuestbookEntry
from tests.api.helpers import bearer, issue_token


@pytest.fixture
def token(user: User) -> str:
    """The secret of an active API token of `user` (ada@example.com)."""
    return issue_token(user)


@pytest.fixture
def auth(token) -> dict[str, str]:
    """Headers that authenticate an API write as `user`."""
    return bearer(token)


@pytest.fixture
def entry(user: User) -> GuestbookEntry:
    """One committed entry, written by `user`, the token's owner."""
    row = GuestbookEntry(name="Ada", message="Hello", author_id=user.id)
    db.session.add(row)
    db.session.commit()
    return row
