"""Two sign-ups with one email at once: the unique constraint decides, and the loser gets a 400.

The form does not look the email up (that would only narrow the window, not close it): the
users table's unique constraint is what refuses the second account, and the view turns its
IntegrityError into the message beside the field.
"""

from collections.abc import Iterator

import pytest
from sqlalchemy import event, insert

from app.accounts.models import User
from app.database import db
from tests.accounts.fixtures import PASSWORD_HASH
from tests.accounts.helpers import committed_users, field_errors, is_signed_in, sign_up


@pytest.fixture
def rival_sign_up() -> Iterator[None]:
    """While the view builds its account (the form already valid), another sign-up for the
    same email lands first.

    The rival row is written on the test's connection outside the view's session, as a
    sign-up by another request would be: the view's commit is the first to see it.
    """

    def insert_rival(_user, email, _old, _initiator):
        db.engines[None].execute(insert(User).values(email=email, password_hash=PASSWORD_HASH))

    event.listen(User.email, "set", insert_rival, once=True)
    yield
    event.remove(User.email, "set", insert_rival)


@pytest.mark.usefixtures("rival_sign_up")
def test_an_account_created_between_validation_and_commit_gives_400_not_500(client):
    response = sign_up(client, email="Ada@Example.com")
    assert response.status_code == 400
    assert field_errors(response, "email") == [
        "An account with this email exists already. Sign in instead."
    ]
    [rival] = committed_users()
    assert (rival.email, rival.password_hash) == ("ada@example.com", PASSWORD_HASH)
    assert not is_signed_in(client)
