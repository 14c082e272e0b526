"""API tokens and the mail layer, where confirmation is required, an account whose address is
not confirmed can't make a token, so it can't write through the API either.
"""

from sqlalchemy import select

from app.accounts.models import User
from app.api.models import ApiToken
from app.database import db
from tests.database.helpers import committed
from tests.mail.helpers import page_text


def test_an_unconfirmed_account_can_not_make_a_token_where_confirmation_is_required(
    app, signed_in, user, monkeypatch
):
    monkeypatch.setitem(app.config, "MAIL_REQUIRE_CONFIRMED", True)
    response = signed_in.post("/account/tokens/", data={"name": "laptop"})
    assert response.status_code == 403
    assert "Confirm your email address first" in page_text(response)
    assert committed(select(ApiToken)).all() == []
    confirmed = db.session.get(User, user.id)
    confirmed.email_confirmed_at = confirmed.created_at
    db.session.commit()
    assert signed_in.post("/account/tokens/", data={"name": "laptop"}).status_code == 200
