"""Sign out: by POST only (so CSRF protection covers it), and it ends the whole session, on the
server too: a copy of its cookie signs no one in afterwards.
"""

import re

import pytest

from tests.accounts.helpers import committed_sessions, is_signed_in, sign_in
from tests.helpers import csrf_token

# The sign-out button in the header of every page, and its hidden CSRF token.
SIGN_OUT_TOKEN = re.compile(
    r'action="/account/sign-out">\s*<input type="hidden" name="csrf_token" value="([^"]+)"'
)

pytestmark = pytest.mark.usefixtures("user")


def test_signing_out_ends_the_session_and_goes_home(client):
    sign_in(client)
    with client.session_transaction() as session:
        session["left over"] = "from the signed-in visit"
    response = client.post("/account/sign-out")
    assert response.status_code == 303
    assert response.headers["Location"] == "/"
    with client.session_transaction() as session:
        assert "left over" not in session
        assert "_user_id" not in session
    assert "You are signed out." in client.get("/").get_data(as_text=True)
    assert not is_signed_in(client)


def test_a_copy_of_the_session_cookie_signs_no_one_in_after_sign_out(app, client):
    sign_in(client)
    thief = app.test_client()
    thief.set_cookie("session", client.get_cookie("session").value)
    assert is_signed_in(thief)  # a copy works as long as the session does
    client.post("/account/sign-out")
    assert not is_signed_in(thief)
    assert committed_sessions() == []


def test_signing_out_ends_only_this_devices_session(app, client):
    other_device = app.test_client()
    sign_in(other_device)
    sign_in(client)
    client.post("/account/sign-out")
    assert is_signed_in(other_device)
    assert len(committed_sessions()) == 1


def test_a_get_cannot_sign_out(client):
    sign_in(client)
    assert client.get("/account/sign-out").status_code == 405
    assert is_signed_in(client)


def test_signing_out_when_signed_out_just_goes_home(client):
    response = client.post("/account/sign-out")
    assert response.status_code == 303
    assert not is_signed_in(client)


@pytest.mark.options(wtf_csrf_enabled=True)
def test_a_sign_out_without_the_csrf_token_is_refused(client):
    token = csrf_token(client.get("/account/sign-in"))
    sign_in(client, csrf_token=token)
    response = client.post("/account/sign-out")
    assert response.status_code == 400
    assert "did not come from this site" in response.get_data(as_text=True)
    assert is_signed_in(client)


@pytest.mark.options(wtf_csrf_enabled=True)
def test_the_sign_out_button_on_every_page_carries_the_token(client):
    sign_in(client, csrf_token=csrf_token(client.get("/account/sign-in")))
    token = SIGN_OUT_TOKEN.search(client.get("/").get_data(as_text=True)).group(1)
    assert client.post("/account/sign-out", data={"csrf_token": token}).status_code == 303
    assert not is_signed_in(client)
