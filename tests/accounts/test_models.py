"""The User model: hashes, the sign-in check that gives nothing away, and what a new password
ends.
"""

import inspect

import pytest
from sqlalchemy import select
from werkzeug.security import check_password_hash, generate_password_hash

from app.accounts import models, password_changed
from app.accounts.models import User, UserSession, normalise_email, password_matches, unusable_hash
from app.accounts.sessions import load_user, open_session
from app.database import db
from tests.accounts.fixtures import PASSWORD, PASSWORD_HASH

DEFAULT_METHOD = inspect.signature(generate_password_hash).parameters["method"].default


@pytest.fixture
def hash_checks(monkeypatch) -> list[str]:
    """The stored hashes that passwords are checked against, in order, while the test runs."""
    checked: list[str] = []

    def spy(pwhash: str, password: str) -> bool:
        checked.append(pwhash)
        return check_password_hash(pwhash, password)

    monkeypatch.setattr(models, "check_password_hash", spy)
    return checked


def test_emails_are_normalised_to_trimmed_lower_case():
    assert normalise_email("  Ada@Example.COM\n") == "ada@example.com"


@pytest.mark.parametrize("email", ["ada@example.com", "ADA@EXAMPLE.COM", " Ada@example.com "])
def test_the_account_is_found_by_email_in_any_case(user, email):
    assert User.find_by_email(email).id == user.id


def test_an_unknown_email_costs_a_hash_check_like_a_wrong_password(user, hash_checks):
    assert not password_matches(None, PASSWORD)
    assert hash_checks == [unusable_hash()]
    assert not password_matches(user, "not the password")
    assert hash_checks == [unusable_hash(), PASSWORD_HASH]
    assert password_matches(user, PASSWORD)


def test_the_stand_in_hash_costs_what_a_real_one_does_and_matches_no_password():
    assert unusable_hash().split("$")[0] == generate_password_hash(PASSWORD).split("$")[0]
    assert unusable_hash().startswith(f"{DEFAULT_METHOD}:")
    assert not check_password_hash(unusable_hash(), "")


def test_the_stand_in_hash_is_made_once_and_kept():
    """Hashing is slow: every unknown email is checked against the same one."""
    assert unusable_hash() is unusable_hash()


def test_a_new_password_gets_a_new_hash_and_token_ends_every_session_and_says_so(
    app, user, other_user
):
    """The sessions go in the caller's unit of work, and `password_changed` is sent in it."""
    for account in (user, user, other_user):
        open_session(account, app.config["PERMANENT_SESSION_LIFETIME"])
    db.session.commit()
    old_token = user.session_token
    changed = []
    with password_changed.connected_to(lambda sender, user: changed.append((sender, user)), app):
        user.set_password("another password")
    assert user.check_password("another password")
    assert not user.check_password(PASSWORD)
    assert user.password_hash.startswith(f"{DEFAULT_METHOD}:")
    assert user.session_token != old_token
    assert len(user.session_token) >= 22
    assert db.session.scalars(select(UserSession.user_id)).all() == [other_user.id]
    assert changed == [(app, user)]


def test_the_session_id_is_the_account_id_and_its_sign_in_secret(app, user):
    open_session(user, app.config["PERMANENT_SESSION_LIFETIME"])
    number, secret = user.get_id().split(":")
    assert number == str(user.id)
    assert len(secret) >= 43  # 256 random bits
    assert secret not in db.session.scalars(select(UserSession.token_hash)).one()


def test_an_account_without_a_sign_in_session_has_an_id_that_signs_no_one_in(user):
    assert user.get_id() == f"{user.id}:"
    assert load_user(user.get_id()) is None


def test_repr_shows_the_id_and_email(user):
    assert repr(user) == f"<User {user.id} 'ada@example.com'>"
