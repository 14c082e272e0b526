"""Secrets: production needs a strong key; keys rotate through SECRET_KEY_FALLBACKS."""

import pytest

from app.pagination import OLDER, encode_cursor
from config import ConfigError, ProductionConfig

STRONG_KEY = "a" * 64


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
    assert ProductionConfig({"SECRET_KEY": STRONG_KEY}).SECRET_KEY == STRONG_KEY


def test_fallback_keys_come_from_a_comma_separated_list():
    """SECRET_KEY_FALLBACKS lists old keys, newest last."""
    config = ProductionConfig({"SECRET_KEY": STRONG_KEY, "SECRET_KEY_FALLBACKS": "old1, old2"})
    assert config.SECRET_KEY_FALLBACKS == ["old1", "old2"]


@pytest.mark.parametrize(("fallbacks", "kept"), [(["old-key"], True), ([], False)])
def test_sessions_survive_a_rotation_only_through_the_fallbacks(
    app, client, monkeypatch, fallbacks, kept
):
    """A session signed with the old key still reads once that key is a fallback."""
    monkeypatch.setitem(app.config, "SECRET_KEY", "old-key")
    client.post("/submit", data={"name": "Ada"})  # the greeting waits in the session cookie
    monkeypatch.setitem(app.config, "SECRET_KEY", "new-key")
    monkeypatch.setitem(app.config, "SECRET_KEY_FALLBACKS", fallbacks)
    page = client.get("/submit").get_data(as_text=True)
    assert ("Hello, Ada!" in page) is kept


@pytest.mark.parametrize(("fallbacks", "status"), [(["old-key"], 200), ([], 400)])
def test_page_links_survive_a_rotation_only_through_the_fallbacks(
    app, client, monkeypatch, fallbacks, status
):
    """A guestbook cursor signed with the old key still works once that key is a fallback."""
    monkeypatch.setitem(app.config, "SECRET_KEY", "old-key")
    cursor = encode_cursor(OLDER, 1000)
    monkeypatch.setitem(app.config, "SECRET_KEY", "new-key")
    monkeypatch.setitem(app.config, "SECRET_KEY_FALLBACKS", fallbacks)
    assert client.get("/guestbook/", query_string={"cursor": cursor}).status_code == status
