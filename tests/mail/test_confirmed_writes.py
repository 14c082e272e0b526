"""Where MAIL_REQUIRE_CONFIRMED is on (production's default), an account whose address is not
confirmed may read and sign in, but every write outside its account pages gets 403.
"""

import pytest

from app.database import db
from app.mail.confirmed_writes import UNCONFIRMED
from tests.accounts.fixtures import client_of
from tests.mail.helpers import page_text

NAME = {"name": "Ada"}  # the forms layer's /submit: a write any app with accounts has


@pytest.fixture
def required(app, monkeypatch) -> None:
    """Confirmation is required, as in production."""
    monkeypatch.setitem(app.config, "MAIL_REQUIRE_CONFIRMED", True)


@pytest.mark.usefixtures("required")
def test_an_unconfirmed_account_may_read_but_not_write(signed_in):
    assert signed_in.get("/submit").status_code == 200
    response = signed_in.post("/submit", data=NAME)
    assert response.status_code == 403
    assert UNCONFIRMED in page_text(response)
    assert '<nav class="site-nav"' in page_text(response)  # in the site's layout


@pytest.mark.usefixtures("required")
def test_a_json_client_gets_the_refusal_in_json(signed_in):
    response = signed_in.post("/submit", data=NAME, headers={"Accept": "application/json"})
    assert response.status_code == 403
    assert response.json["error"]["message"] == UNCONFIRMED


@pytest.mark.usefixtures("required")
def test_a_confirmed_account_and_a_visitor_may_write(app, client, user):
    assert client.post("/submit", data=NAME).status_code == 303
    user.email_confirmed_at = user.created_at
    db.session.commit()
    assert client_of(app, user).post("/submit", data=NAME).status_code == 303


@pytest.mark.usefixtures("required")
def test_an_unconfirmed_account_may_still_send_the_link_again_and_sign_out(signed_in):
    assert signed_in.post("/account/confirm", data={"email": "ada@example.com"}).status_code == 303
    assert signed_in.post("/account/sign-out").status_code == 303


@pytest.mark.usefixtures("required")
def test_the_account_page_says_what_an_unconfirmed_account_may_do(signed_in):
    assert "Until then you can read, but not write." in page_text(signed_in.get("/account/"))


def test_where_confirmation_is_not_required_an_unconfirmed_account_writes(signed_in):
    assert signed_in.post("/submit", data=NAME).status_code == 303
    assert "Until then" not in page_text(signed_in.get("/account/"))
