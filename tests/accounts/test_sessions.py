"""Sessions: each request loads its user afresh, so a deleted account is signed out at once."""

from collections.abc import Iterator

import pytest

from app.accounts import login_manager
from app.accounts.models import User, load_user
from app.database import db
from tests.accounts.fixtures import PASSWORD
from tests.accounts.helpers import is_signed_in, sign_in

SIGN_IN_FOR_ACCOUNT = "/account/sign-in?next=%2Faccount%2F"


@pytest.fixture
def loaded_ids() -> Iterator[list[str]]:
    """The ids Flask-Login's user loader is asked for, one per load, while the test runs."""
    ids: list[str] = []

    def counting_loader(user_id: str) -> User | None:
        ids.append(user_id)
        return load_user(user_id)

    login_manager.user_loader(counting_loader)
    yield ids
    login_manager.user_loader(load_user)


@pytest.mark.parametrize("path", ["/account/", "/account/password", "/account/delete"])
def test_an_anonymous_visitor_is_sent_to_sign_in_and_back(client, path):
    method = client.get if path == "/account/" else client.post
    response = method(path)
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/account/sign-in?next=")


def test_the_account_page_asks_anonymous_visitors_to_sign_in_first(client):
    response = client.get("/account/")
    assert response.headers["Location"] == SIGN_IN_FOR_ACCOUNT
    assert "Please sign in first." in client.get(SIGN_IN_FOR_ACCOUNT).get_data(as_text=True)


@pytest.mark.usefixtures("user")
def test_signing_in_from_there_comes_back_to_the_account_page(client):
    sign_in_page = client.get("/account/").headers["Location"]
    response = client.post(sign_in_page, data={"email": "ada@example.com", "password": PASSWORD})
    assert response.status_code == 303
    assert response.headers["Location"] == "/account/"


def test_the_user_loader_runs_again_for_each_request(client, user, loaded_ids):
    sign_in(client)
    assert client.get("/account/").status_code == 200
    assert client.get("/account/").status_code == 200
    # Without a fresh `g` per request the second request would reuse the first one's user.
    assert loaded_ids == [user.get_id(), user.get_id()]


def test_a_user_deleted_in_the_database_is_signed_out_on_the_next_request(client, user):
    sign_in(client)
    assert is_signed_in(client)
    db.session.delete(user)
    db.session.commit()
    response = client.get("/account/")
    assert response.status_code == 302
    assert response.headers["Location"] == SIGN_IN_FOR_ACCOUNT


def test_the_user_loader_finds_the_account_a_session_names(user):
    assert load_user(user.get_id()) == user


@pytest.mark.parametrize(
    "make_id",
    [
        lambda user: "abc",
        lambda user: "",
        lambda user: ":",
        lambda user: str(user.id),
        lambda user: f"{user.id}:",
        lambda user: f"{user.id}:wrong",
        lambda user: f"{user.id}:{user.session_token}x",
        lambda user: f" {user.id}:{user.session_token}",
        lambda user: f"-{user.id}:{user.session_token}",
        lambda user: f"{user.id + 1000}:{user.session_token}",
        lambda user: "999:x",
        lambda user: f"{'9' * 30}:{user.session_token}",
    ],
    ids=[
        "not a number",
        "empty",
        "no number",
        "no token",
        "empty token",
        "wrong token",
        "longer token",
        "space",
        "negative",
        "no such account",
        "999:x",
        "beyond any id",
    ],
)
def test_the_user_loader_refuses_an_id_that_names_no_current_session(user, make_id):
    assert load_user(make_id(user)) is None
