"""Secrets: production needs a strong key; keys rotate through SECRET_KEY_FALLBACKS."""

import pytest

from config import ConfigError, ProductionConfig
from tests.helpers import with_session_routes

STRONG_KEY = "a" * 64
# What production needs besides its key.
OTHER_SETTINGS = {"TRUSTED_HOSTS": "example.com"}


@pytest.mark.parametrize(
    "environ",
    [
        {},
        {"SECRET_KEY": "dev-only-insecure-secret-key"},
        {"SECRET_KEY": "short-key-31-characters-long-xx"},
    ],
)
def test_production_refuses_a_missing_default_or_short_key(environ):
    """No key, the development key, or fewer than 32 characters: one clear line."""
    with pytest.raises(ConfigError, match="SECRET_KEY must be set in production to at least 32"):
        ProductionConfig(environ)


def test_production_accepts_a_key_of_32_random_bytes():
    """secrets.token_hex(32) is the documented way to make one."""
    assert ProductionConfig({"SECRET_KEY": STRONG_KEY, **OTHER_SETTINGS}).SECRET_KEY == STRONG_KEY


def test_fallback_keys_come_from_a_comma_separated_list():
    """SECRET_KEY_FALLBACKS lists old keys, newest last."""
    config = ProductionConfig(
        {"SECRET_KEY": STRONG_KEY, "SECRET_KEY_FALLBACKS": "old1, old2", **OTHER_SETTINGS}
    )
    assert config.SECRET_KEY_FALLBACKS == ["old1", "old2"]


@pytest.fixture
def session_client(make_app):
    """A client of an app with routes that store and read a session value."""
    return with_session_routes(make_app()).test_client()


@pytest.mark.parametrize(("fallbacks", "name"), [(["old-key"], "Ada"), ([], "nobody")])
def test_sessions_survive_a_rotation_only_through_the_fallbacks(session_client, fallbacks, name):
    """A session signed with the old key still reads once that key is a fallback."""
    app = session_client.application
    app.config["SECRET_KEY"] = "old-key"
    session_client.get("/remember")
    app.config.update(SECRET_KEY="new-key", SECRET_KEY_FALLBACKS=fallbacks)
    assert session_client.get("/recall").get_data(as_text=True) == name
