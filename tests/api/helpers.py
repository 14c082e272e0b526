"""Helpers the API tests share: tokens for any account, and what a write with one gets."""

from app.accounts.models import User
from app.api.models import ApiToken
from app.database import db


def issue_token(user: User, name: str = "tests") -> str:
    """Commit an active token called `name` for `user`; return its secret."""
    row, secret = ApiToken.issue(user.id, name)
    db.session.add(row)
    db.session.commit()
    return secret


def bearer(secret: str) -> dict[str, str]:
    """The headers that send `secret` as a bearer token."""
    return {"Authorization": f"Bearer {secret}"}


def write_status(client, secret: str) -> int:
    """The status of an API write (creating an entry) made with `secret`."""
    response = client.post(
        "/api/v1/entries", json={"name": "A", "message": "B"}, headers=bearer(secret)
    )
    return response.status_code
