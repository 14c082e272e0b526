"""Sessions: each request loads its user afresh, through a sign-in session kept on the server,
so a deleted account, or an ended or expired session, is signed out at once.
"""

from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import select

from app.accounts import login_manager
from app.accounts.models import User, UserSession
from app.accounts.sessions import hash_secret, load_user, open_session
from app.database import db
from tests.accounts.fixtures import PASSWORD
from tests.accounts.helpers import is_signed_in, later, sign_in
from tests.database.helpers import committed

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


def test_a_user_deleted_in_the_database_takes_its_sessions_along(client, user):
    sign_in(client, remember="y")
    assert len(committed(select(UserSession)).all()) == 1
    db.session.delete(user)
    db.session.commit()
    assert committed(select(UserSession)).all() == []


@pytest.fixture
def session_id(user) -> str:
    """The id (User.get_id()) of a committed sign-in session of `user`, for an hour."""
    open_session(user, timedelta(hours=1))
    db.session.commit()
    return user.get_id()


def test_the_user_loader_finds_the_account_a_session_names(user, session_id):
    user_id = user.id
    db.session.remove()  # load it afresh, as the next request would
    loaded = load_user(session_id)
    assert loaded.id == user_id
    assert loaded.get_id() == session_id  # so Flask-Login keeps naming the same session


def test_a_session_ends_on_the_server_when_it_expires(user, session_id, monkeypatch):
    later(monkeypatch, timedelta(minutes=59))
    assert load_user(session_id) is not None
    later(monkeypatch, timedelta(hours=1))
    assert load_user(session_id) is None


def test_opening_a_session_clears_the_accounts_expired_ones(user, other_user, monkeypatch):
    ids = user.id, other_user.id
    for account in (user, other_user):
        open_session(account, timedelta(hours=1))
    db.session.commit()
    later(monkeypatch, timedelta(hours=2))
    open_session(user, timedelta(hours=1))
    db.session.commit()
    rows = committed(select(UserSession.user_id).order_by(UserSession.id)).all()
    assert rows == [ids[1], ids[0]]  # other_user's goes at their next sign-in


def test_only_the_secrets_hash_is_stored(user, session_id):
    secret = session_id.partition(":")[2]
    assert committed(select(UserSession.token_hash)).one() == hash_secret(secret)


@pytest.mark.parametrize(
    "make_id",
    [
        lambda user, secret: "abc",
        lambda user, secret: "",
        lambda user, secret: ":",
        lambda user, secret: str(user.id),
        lambda user, secret: f"{user.id}:",
        lambda user, secret: f"{user.id}:wrong",
        lambda user, secret: f"{user.id}:{secret}x",
        lambda user, secret: f" {user.id}:{secret}",
        lambda user, secret: f"-{user.id}:{secret}",
        lambda user, secret: f"{user.id + 1000}:{secret}",
        lambda user, secret: "999:x",
        lambda user, secret: f"{'9' * 30}:{secret}",
    ],
    ids=[
        "not a number",
        "empty",
        "no number",
        "no secret",
        "empty secret",
        "wrong secret",
        "longer secret",
        "space",
        "negative",
        "another account's id",
        "999:x",
        "beyond any id",
    ],
)
def test_the_user_loader_refuses_an_id_that_names_no_current_session(user, session_id, make_id):
    assert load_user(make_id(user, session_id.partition(":")[2])) is None
