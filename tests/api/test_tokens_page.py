"""/account/tokens/: an account's API tokens, created (the secret shown once) and revoked."""

import re

import pytest
from markupsafe import escape
from sqlalchemy import select

from app.api.models import ApiToken, hash_token
from app.guestbook.models import GuestbookEntry
from tests.accounts.fixtures import client_of
from tests.accounts.helpers import sign_in
from tests.api.helpers import issue_token, write_status
from tests.database.helpers import committed
from tests.helpers import csrf_token

PAGE = "/account/tokens/"
REVOKE = "/account/tokens/revoke"
SECRET = re.compile(r'<code class="secret">([^<]+)</code>')


def field_errors(page: str) -> list[str]:
    """The messages shown beside the name field."""
    errors = re.search(r'<ul class="field-errors" id="name-errors">(.*?)</ul>', page, re.S)
    return re.findall(r"<li>(.*?)</li>", errors.group(1)) if errors else []


def create(client, name: str) -> str:
    """Create a token called `name` on the page; return the secret it shows."""
    response = client.post(PAGE, data={"name": name})
    assert response.status_code == 200
    return SECRET.search(response.get_data(as_text=True)).group(1)


def token_names() -> list[str]:
    """The names of every committed token."""
    return committed(select(ApiToken.name).order_by(ApiToken.id)).all()


@pytest.mark.parametrize(("method", "path"), [("GET", PAGE), ("POST", PAGE), ("POST", REVOKE)])
def test_the_page_needs_a_signed_in_account(client, method, path):
    """Anonymous visitors are sent to sign in, and come back here after it; nothing is made."""
    response = client.open(path, method=method, data={"name": "laptop"})
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/account/sign-in?next=")
    assert token_names() == []


def test_the_account_page_links_to_the_tokens_page(signed_in):
    """The way there: the API adds its link to the account page."""
    account = signed_in.get("/account/").get_data(as_text=True)
    assert f'<a href="{PAGE}">Your API tokens</a>' in account


def test_an_account_without_tokens_is_told_so(signed_in):
    """The page says there are none yet, and offers the form."""
    page = signed_in.get(PAGE).get_data(as_text=True)
    assert "You have no API tokens yet." in page
    assert "A new password revokes every token." in page
    assert 'action="/account/tokens/"' in page


def test_creating_shows_the_secret_once_and_stores_its_hash(freshly_signed_in, user):
    """The secret is on the answer to the POST only; the database holds its SHA-256."""
    user_id = user.id
    secret = create(freshly_signed_in, " laptop ")
    stored = committed(select(ApiToken)).one()
    assert (stored.name, stored.user_id) == ("laptop", user_id)
    assert stored.token_hash == hash_token(secret)
    reloaded = freshly_signed_in.get(PAGE).get_data(as_text=True)
    assert secret not in reloaded
    assert "<td>laptop</td>" in reloaded


def test_the_new_secret_writes_as_the_account(client, freshly_signed_in, user):
    """The secret from the page creates an entry through the API, owned by the account."""
    user_id = user.id
    assert write_status(client, create(freshly_signed_in, "laptop")) == 201
    assert committed(select(GuestbookEntry.author_id)).one() == user_id


@pytest.mark.usefixtures("user")
def test_creating_needs_a_sign_in_with_the_password_not_a_remembered_one(client):
    """Signed in by the remember-me cookie only (a stolen one, say), the page shows, but
    creating a token sends the visitor to sign in again, and back here after it.
    """
    sign_in(client, remember="y")
    client.delete_cookie("session")  # the browser was closed: the cookie signs in again
    assert client.get(PAGE).status_code == 200
    response = client.post(PAGE, data={"name": "laptop"})
    assert response.status_code == 302
    again = response.headers["Location"]
    assert again == "/account/sign-in?next=%2Faccount%2Ftokens%2F"
    page = client.get(again).get_data(as_text=True)
    assert "To do that, please sign in again with your password." in page
    assert token_names() == []
    assert sign_in(client, query={"next": PAGE}).headers["Location"] == PAGE
    assert create(client, "laptop")


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "Please name the token."),
        ("   ", "Please name the token."),
        ("x" * 81, "Field cannot be longer than 80 characters."),
    ],
)
def test_an_empty_or_over_long_name_is_refused_beside_the_field(freshly_signed_in, name, message):
    """400, the reason beside the name field, no secret and no token."""
    response = freshly_signed_in.post(PAGE, data={"name": name})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert field_errors(page) == [message]
    assert not SECRET.search(page)
    assert token_names() == []


def test_a_name_the_account_has_already_is_refused(freshly_signed_in):
    """The same name twice: 400 with the reason beside the field; the first token stays."""
    first = create(freshly_signed_in, "laptop")
    response = freshly_signed_in.post(PAGE, data={"name": "laptop"})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert field_errors(page) == [str(escape("You have a token named 'laptop' already."))]
    assert not SECRET.search(page)
    assert token_names() == ["laptop"]
    assert committed(select(ApiToken.token_hash)).one() == hash_token(first)


def test_another_account_may_use_the_same_name(freshly_signed_in, other_user):
    """Names are per account: Grace's "laptop" does not stop Ada's."""
    issue_token(other_user, "laptop")
    assert create(freshly_signed_in, "laptop")
    assert token_names() == ["laptop", "laptop"]


def test_the_page_lists_only_the_accounts_own_tokens(signed_in, user, other_user):
    """Ada sees her token, not Grace's."""
    issue_token(user, "ada-laptop")
    issue_token(other_user, "grace-laptop")
    page = signed_in.get(PAGE).get_data(as_text=True)
    assert "<td>ada-laptop</td>" in page
    assert "grace-laptop" not in page


def test_revoking_stops_the_token_at_once(client, freshly_signed_in):
    """POST revoke: 303 back to the page, which says so; the token is refused from then on."""
    secret = create(freshly_signed_in, "laptop")
    response = freshly_signed_in.post(REVOKE, data={"name": "laptop"})
    assert response.status_code == 303
    assert response.headers["Location"] == PAGE
    assert write_status(client, secret) == 401
    page = freshly_signed_in.get(PAGE).get_data(as_text=True)
    assert str(escape("The token 'laptop' is revoked.")) in page
    assert "Revoked <time" in page
    assert 'aria-label="Revoke laptop"' not in page  # no button for a revoked token
    assert committed(select(ApiToken.revoked_at)).one() is not None


def test_revoking_a_revoked_token_again_is_harmless(client, freshly_signed_in):
    """A second revoke (a double click) answers 303 too, and the token stays revoked."""
    secret = create(freshly_signed_in, "laptop")
    assert freshly_signed_in.post(REVOKE, data={"name": "laptop"}).status_code == 303
    assert freshly_signed_in.post(REVOKE, data={"name": "laptop"}).status_code == 303
    assert write_status(client, secret) == 401


@pytest.mark.parametrize("data", [{"name": "nothing"}, {}])
def test_revoking_a_name_the_account_does_not_have_is_404(signed_in, data):
    """An unknown name, or none at all, is a 404."""
    assert signed_in.post(REVOKE, data=data).status_code == 404


def test_no_one_can_revoke_another_accounts_token(app, client, user, other_user):
    """Grace revoking "laptop" finds none of hers (404); Ada's "laptop" still works."""
    secret = issue_token(user, "laptop")
    response = client_of(app, other_user).post(REVOKE, data={"name": "laptop"})
    assert response.status_code == 404
    assert write_status(client, secret) == 201
    assert committed(select(ApiToken.revoked_at)).one() is None


@pytest.mark.options(wtf_csrf_enabled=True)
def test_creating_without_a_csrf_token_is_refused(freshly_signed_in):
    """A cross-site POST can't make a token (whose secret the attacker would then see)."""
    response = freshly_signed_in.post(PAGE, data={"name": "attacker"})
    assert response.status_code == 400
    assert not SECRET.search(response.get_data(as_text=True))
    assert token_names() == []


@pytest.mark.options(wtf_csrf_enabled=True)
def test_revoking_without_a_csrf_token_is_refused(client, signed_in, user):
    """A cross-site POST can't revoke a token: 400, and the token still works."""
    secret = issue_token(user, "laptop")
    assert signed_in.post(REVOKE, data={"name": "laptop"}).status_code == 400
    assert write_status(client, secret) == 201


@pytest.mark.options(wtf_csrf_enabled=True)
def test_the_pages_own_csrf_token_lets_both_forms_through(client, freshly_signed_in):
    """With the token from the page, create and revoke work; the API write needs none."""
    token = csrf_token(freshly_signed_in.get(PAGE))
    response = freshly_signed_in.post(PAGE, data={"name": "laptop", "csrf_token": token})
    assert response.status_code == 200
    secret = SECRET.search(response.get_data(as_text=True)).group(1)
    assert write_status(client, secret) == 201
    revoked = freshly_signed_in.post(REVOKE, data={"name": "laptop", "csrf_token": token})
    assert revoked.status_code == 303
    assert write_status(client, secret) == 401
