"""API tokens with the mail layer installed. Where confirmation is required, an account whose
address is not confirmed can't make a token, so it can't write through the API either. A
password reset by a link revokes the account's tokens, as any new password does.
"""

from sqlalchemy import select

from app.accounts.models import User
from app.api.models import ApiToken
from app.database import db
from tests.api.helpers import issue_token, write_status
from tests.database.helpers import committed
from tests.mail.helpers import link_path, page_text


def test_an_unconfirmed_account_can_not_make_a_token_where_confirmation_is_required(
    app, freshly_signed_in, user, monkeypatch
):
    monkeypatch.setitem(app.config, "MAIL_REQUIRE_CONFIRMED", True)
    response = freshly_signed_in.post("/account/tokens/", data={"name": "laptop"})
    assert response.status_code == 403
    assert "Confirm your email address first" in page_text(response)
    assert committed(select(ApiToken)).all() == []
    confirmed = db.session.get(User, user.id)
    confirmed.email_confirmed_at = confirmed.created_at
    db.session.commit()
    assert freshly_signed_in.post("/account/tokens/", data={"name": "laptop"}).status_code == 200


def test_a_password_reset_by_a_link_revokes_the_accounts_tokens(client, inbox, user):
    secret = issue_token(user)
    assert write_status(client, secret) == 201
    assert client.post("/account/forgot", data={"email": user.email}).status_code == 303
    link = link_path(inbox.only_message(user.email))
    data = {"password": "a brand new passphrase", "confirm": "a brand new passphrase"}
    assert client.post(link, data=data).status_code == 303
    assert write_status(client, secret) == 401
