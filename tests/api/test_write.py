"""Writing through the API: token required, validated by the entry form, no change on error."""

import pytest
from sqlalchemy import func, select

from app.api.models import ApiToken
from app.database import db
from app.database.models import utc_now
from app.guestbook.models import MESSAGE_MAX_LENGTH, NAME_MAX_LENGTH, GuestbookEntry
from tests.api.test_read import assert_error
from tests.database.helpers import committed


def count_entries() -> int:
    """Entries in the database, as the next request would see them."""
    return committed(select(func.count()).select_from(GuestbookEntry)).one()


def test_create_answers_201_with_location(client, auth):
    """A valid entry is committed; Location leads to it."""
    response = client.post("/api/v1/entries", json={"name": " Ada ", "message": "Hi"}, headers=auth)
    assert response.status_code == 201
    assert (response.json["name"], response.json["message"]) == ("Ada", "Hi")
    location = response.headers["Location"]
    assert location == f"/api/v1/entries/{response.json['id']}"
    assert count_entries() == 1
    assert client.get(location).json == response.json


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer not-a-token"},
        {"Authorization": "Bearer "},
        {"Authorization": "Basic YWRhOnNlY3JldA=="},
    ],
)
def test_writes_without_a_valid_token_are_401(client, entry, headers):
    """No token, a wrong one, or another scheme: 401 with WWW-Authenticate, nothing changed."""
    for response in (
        client.post("/api/v1/entries", json={"name": "Eve", "message": "x"}, headers=headers),
        client.patch(f"/api/v1/entries/{entry.id}", json={"name": "Eve"}, headers=headers),
        client.delete(f"/api/v1/entries/{entry.id}", headers=headers),
    ):
        assert_error(response, 401)
        assert response.headers["WWW-Authenticate"].lower().startswith("bearer")
    assert committed(select(GuestbookEntry.name)).all() == ["Ada"]


def test_a_revoked_token_is_401(client, token, auth):
    """Revoking a token stops it at once."""
    row = ApiToken.find_active(token)
    row.revoked_at = utc_now()
    db.session.commit()
    response = client.post("/api/v1/entries", json={"name": "Ada", "message": "x"}, headers=auth)
    assert_error(response, 401)
    assert count_entries() == 0


def test_the_session_cookie_is_no_credential(client):
    """A browser session (as on the HTML pages) is not enough to write."""
    client.get("/guestbook/new")  # the visitor has a session cookie
    response = client.post("/api/v1/entries", json={"name": "Eve", "message": "x"})
    assert_error(response, 401)


@pytest.mark.options(wtf_csrf_enabled=True)
def test_token_requests_need_no_csrf_token(client, auth):
    """CSRF protection is for cookies; a bearer token cannot be sent by another site."""
    response = client.post("/api/v1/entries", json={"name": "Ada", "message": "Hi"}, headers=auth)
    assert response.status_code == 201


BAD_BODIES = [
    # (request arguments, status, the fields the error names)
    ({"data": "{not json", "content_type": "application/json"}, 400, set()),
    ({"data": b"\xff\xfe", "content_type": "application/json"}, 400, set()),
    ({"data": "name=Ada&message=Hi"}, 415, set()),
    ({"data": '{"name": "Ada", "message": "Hi"}', "content_type": "text/plain"}, 415, set()),
    ({"json": ["Ada", "Hi"]}, 422, {"body"}),
    ({"json": "Ada"}, 422, {"body"}),
    ({"json": {"name": 5, "message": None}}, 422, {"name", "message"}),
    ({"json": {"name": "Ada", "message": "Hi", "admin": True}}, 422, {"admin"}),
    ({"json": {"name": "Ada"}}, 422, {"message"}),
    ({"json": {"name": "   ", "message": "Hi"}}, 422, {"name"}),
    ({"json": {"name": "x" * (NAME_MAX_LENGTH + 1), "message": "Hi"}}, 422, {"name"}),
    ({"json": {"name": "Ada", "message": "m" * (MESSAGE_MAX_LENGTH + 1)}}, 422, {"message"}),
    ({"json": {"name": "A\u0000da", "message": "Hi"}}, 422, {"name"}),
    (
        {"data": '{"name": "\\ud800", "message": "Hi"}', "content_type": "application/json"},
        422,
        {"name"},
    ),
    ({"json": {"name": "Ada", "message": "m" * (1024 * 1024)}}, 413, set()),
    # Deeper than Python's parser can nest: a 400, not a RecursionError.
    ({"data": "[" * 10_000 + "]" * 10_000, "content_type": "application/json"}, 400, set()),
]


@pytest.mark.parametrize(("arguments", "status", "fields"), BAD_BODIES)
def test_bad_bodies_get_their_status_and_change_nothing(
    client, auth, entry, arguments, status, fields
):
    """Each bad body, on create and on update, gets its status and leaves the data alone."""
    for method, path in (("POST", "/api/v1/entries"), ("PATCH", f"/api/v1/entries/{entry.id}")):
        if method == "PATCH" and fields == {"message"} and "name" in arguments.get("json", {}):
            continue  # a partial update may leave out the message: covered by the update tests
        response = client.open(path, method=method, headers=auth, **arguments)
        error = assert_error(response, status)
        assert set(error["fields"]) == fields
    unchanged = committed(select(GuestbookEntry)).one()
    assert (unchanged.name, unchanged.message) == ("Ada", "Hello")


def test_a_partial_update_changes_only_what_it_names(client, auth, entry):
    """PATCH with a message keeps the name; an empty object changes nothing."""
    response = client.patch(f"/api/v1/entries/{entry.id}", json={"message": "Edited"}, headers=auth)
    assert response.status_code == 200
    assert (response.json["name"], response.json["message"]) == ("Ada", "Edited")
    assert (
        client.patch(f"/api/v1/entries/{entry.id}", json={}, headers=auth).json["message"]
        == "Edited"
    )
    assert committed(select(GuestbookEntry.message)).one() == "Edited"


def test_delete_answers_204_and_the_entry_is_gone(client, auth, entry):
    """DELETE commits the removal; the entry then answers 404."""
    response = client.delete(f"/api/v1/entries/{entry.id}", headers=auth)
    assert response.status_code == 204
    assert response.get_data() == b""
    assert count_entries() == 0
    assert_error(client.get(f"/api/v1/entries/{entry.id}"), 404)


@pytest.mark.parametrize("method", ["PATCH", "DELETE"])
def test_writing_an_unknown_entry_is_404(client, auth, method):
    """Updating or deleting an id that does not exist is a 404."""
    response = client.open("/api/v1/entries/999999", method=method, json={}, headers=auth)
    assert_error(response, 404)


@pytest.mark.parametrize("status", [403, 409, 500])
def test_every_other_failure_has_the_same_shape(make_app, status):
    """403, 409 and an unexpected exception answer in the error shape too."""
    app = make_app(PROPAGATE_EXCEPTIONS=False)

    @app.get("/api/v1/fails")
    def fails():
        """Fail with the status under test."""
        if status == 500:
            raise RuntimeError("a bug")
        return app.aborter(status)

    assert_error(app.test_client().get("/api/v1/fails"), status)
