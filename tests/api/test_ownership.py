"""Through the API, a token acts for its account: it changes that account's entries only."""

import pytest
from sqlalchemy import select

from app.api.models import ApiToken
from app.database import db
from app.guestbook.models import NOT_YOURS_MESSAGE, GuestbookEntry
from tests.accounts.fixtures import PASSWORD, client_of
from tests.accounts.helpers import NEW_PASSWORD
from tests.api.helpers import bearer, issue_token, write_status
from tests.api.test_read import assert_error
from tests.database.helpers import committed


@pytest.fixture
def authorless_entry() -> GuestbookEntry:
    """An entry from before accounts (or `flask seed`): it has no author."""
    row = GuestbookEntry(name="Old", message="Before accounts")
    db.session.add(row)
    db.session.commit()
    return row


@pytest.fixture
def others_entry(other_user) -> GuestbookEntry:
    """An entry written by `other_user` (grace@example.com)."""
    row = GuestbookEntry(name="Grace", message="Mine", author_id=other_user.id)
    db.session.add(row)
    db.session.commit()
    return row


def stored(entry_id: int) -> tuple[str, str] | None:
    """An entry's name and message as committed, or None once it is deleted."""
    entry = committed(select(GuestbookEntry).where(GuestbookEntry.id == entry_id)).first()
    return None if entry is None else (entry.name, entry.message)


def test_a_created_entry_belongs_to_the_tokens_account(client, user, auth):
    """POST makes the token's account the author, whatever name the entry is signed with."""
    user_id = user.id
    response = client.post(
        "/api/v1/entries", json={"name": "Anyone", "message": "Hi"}, headers=auth
    )
    assert response.status_code == 201
    assert committed(select(GuestbookEntry.author_id)).one() == user_id


@pytest.mark.parametrize("owner", ["others_entry", "authorless_entry"])
def test_changing_an_entry_of_another_or_of_no_account_is_403(request, client, auth, owner):
    """PATCH and DELETE of an entry the token's account did not write: 403, nothing changes."""
    entry = request.getfixturevalue(owner)
    entry_id, before = entry.id, (entry.name, entry.message)
    path = f"/api/v1/entries/{entry_id}"
    for response in (
        client.patch(path, json={"message": "Defaced"}, headers=auth),
        client.delete(path, headers=auth),
    ):
        error = assert_error(response, 403)
        assert error["message"] == NOT_YOURS_MESSAGE
        assert error["fields"] == {}
    assert stored(entry_id) == before


def test_ownership_is_checked_before_the_body(client, auth, others_entry):
    """Another's entry answers 403 even to a bad body: the body is never looked at."""
    response = client.patch(f"/api/v1/entries/{others_entry.id}", json={"x": 1}, headers=auth)
    assert_error(response, 403)


def test_each_account_changes_only_its_own_entry(client, entry, others_entry, other_user):
    """Grace's token edits and deletes Grace's entry, and is refused Ada's."""
    ada_id, grace_id = entry.id, others_entry.id
    graces = bearer(issue_token(other_user))
    assert_error(client.delete(f"/api/v1/entries/{ada_id}", headers=graces), 403)
    edited = client.patch(f"/api/v1/entries/{grace_id}", json={"message": "Edited"}, headers=graces)
    assert edited.status_code == 200
    assert stored(grace_id) == ("Grace", "Edited")
    assert client.delete(f"/api/v1/entries/{grace_id}", headers=graces).status_code == 204
    assert stored(grace_id) is None
    assert stored(ada_id) == ("Ada", "Hello")


def test_an_entry_written_through_the_api_is_the_accounts_own_on_the_pages(
    app, client, user, other_user, auth
):
    """The HTML pages apply the same rule: its author may edit it there, no one else."""
    entry_id = client.post("/api/v1/entries", json={"name": "Ada", "message": "Hi"}, headers=auth)
    entry_id = entry_id.json["id"]
    assert client_of(app, user).get(f"/guestbook/{entry_id}/edit").status_code == 200
    assert client_of(app, other_user).get(f"/guestbook/{entry_id}/edit").status_code == 403


def test_deleting_the_account_stops_its_tokens(client, signed_in, user, token, entry):
    """An account deleted on its page takes its tokens (and entries) with it: 401 at once."""
    user_id = user.id
    response = signed_in.post("/account/delete", data={"delete-password": PASSWORD})
    assert response.status_code == 303
    assert write_status(client, token) == 401
    assert committed(select(ApiToken).where(ApiToken.user_id == user_id)).all() == []
    assert committed(select(GuestbookEntry)).all() == []


def test_a_new_password_revokes_every_token_of_the_account(
    client, signed_in, user, other_user, token
):
    """A thief who had a session (or the password) may have made a token: changing the
    password on the account page revokes them all, and no one else's. New ones work.
    """
    graces = issue_token(other_user, "grace")
    user_id = user.id
    data = {
        "password-current_password": "not the password",
        "password-new_password": NEW_PASSWORD,
        "password-confirm": NEW_PASSWORD,
    }
    assert signed_in.post("/account/password", data=data).status_code == 400
    assert write_status(client, token) == 201  # a refused change revokes nothing
    data["password-current_password"] = PASSWORD
    assert signed_in.post("/account/password", data=data).status_code == 303
    assert write_status(client, token) == 401
    assert write_status(client, graces) == 201
    revoked = committed(select(ApiToken.revoked_at).where(ApiToken.user_id == user_id)).one()
    assert revoked is not None
    assert write_status(client, issue_token(user, "made after")) == 201
