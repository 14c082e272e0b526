"""The User model: hashes, session tokens and the sign-in check that gives nothing away."""

import inspect

import pytest
from werkzeug.security import check_password_hash, generate_password_hash

from app.accounts import models
from app.accounts.models import User, normalise_email, unusable_hash
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
def test_authenticate_finds_the_account_by_email_in_any_case(user, email):
    assert User.authenticate(email, PASSWORD) == user


def test_an_unknown_email_costs_a_hash_check_like_a_wrong_password(user, hash_checks):
    assert User.authenticate("nobody@example.com", PASSWORD) is None
    assert hash_checks == [unusable_hash()]
    assert User.authenticate(user.email, "not the password") is None
    assert hash_checks == [unusable_hash(), PASSWORD_HASH]


def test_the_stand_in_hash_costs_what_a_real_one_does_and_matches_no_password():
    assert unusable_hash().split("$")[0] == generate_password_hash(PASSWORD).split("$")[0]
    assert unusable_hash().startswith(f"{DEFAULT_METHOD}:")
    assert not check_password_hash(unusable_hash(), "")


def test_the_stand_in_hash_is_made_once_and_kept():
    """Hashing is slow: every unknown email is checked against the same one."""
    assert unusable_hash() is unusable_hash()


def test_a_new_password_gets_a_new_hash_and_a_new_session_token(user):
    old_id = user.get_id()
    user.set_password("another password")
    assert user.check_password("another password")
    assert not user.check_password(PASSWORD)
    assert user.password_hash.startswith(f"{DEFAULT_METHOD}:")
    assert user.get_id() != old_id


def test_the_session_id_is_the_account_id_and_its_token(user):
    assert user.get_id() == f"{user.id}:{user.session_token}"
    assert len(user.session_token) >= 22


def test_repr_shows_the_id_and_email(user):
    assert repr(user) == f"<User {user.id} 'ada@example.com'>"
