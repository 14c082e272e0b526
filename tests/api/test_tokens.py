"""`flask api-token`: tokens are shown once, stored as hashes, listed and revoked."""

from sqlalchemy import select

from app.api.models import ApiToken, hash_token
from tests.database_helpers import committed


def flask(app, *args: str):
    """Run a `flask` command against the test app."""
    return app.test_cli_runner().invoke(args=list(args))


def write_status(client, secret: str) -> int:
    """The status of an API write made with `secret`."""
    headers = {"Authorization": f"Bearer {secret}"}
    return client.post(
        "/api/v1/entries", json={"name": "A", "message": "B"}, headers=headers
    ).status_code


def test_create_prints_the_token_once_and_stores_only_its_hash(app, client):
    """The printed secret works for writes; the database holds its SHA-256, not the secret."""
    result = flask(app, "api-token", "create", "deploy-bot")
    assert result.exit_code == 0, result.output
    secret = result.output.split()[-1]
    stored = committed(select(ApiToken)).one()
    assert stored.name == "deploy-bot"
    assert stored.token_hash == hash_token(secret)
    assert secret not in {stored.name, stored.token_hash}
    assert write_status(client, secret) == 201


def test_names_are_unique_and_bounded(app):
    """A second token of the same name, or an over-long name, is refused with exit code 1."""
    assert flask(app, "api-token", "create", "ci").exit_code == 0
    duplicate = flask(app, "api-token", "create", "ci")
    assert duplicate.exit_code == 1
    assert "A token named 'ci' exists already." in duplicate.output
    too_long = flask(app, "api-token", "create", "x" * 81)
    assert too_long.exit_code == 1
    assert "at most 80 characters" in too_long.output
    assert len(committed(select(ApiToken)).all()) == 1


def test_list_shows_names_and_states_never_secrets(app):
    """`list` explains how to start when empty, then shows each token's state."""
    assert (
        "No API tokens. Create one with: flask api-token create NAME"
        in flask(app, "api-token", "list").output
    )
    secret = flask(app, "api-token", "create", "ci").output.split()[-1]
    flask(app, "api-token", "create", "old")
    flask(app, "api-token", "revoke", "old")
    listing = flask(app, "api-token", "list").output.splitlines()
    assert listing[0].startswith("ci\tcreated ") and listing[0].endswith("\tactive")
    assert listing[1].startswith("old\tcreated ") and "\trevoked " in listing[1]
    assert secret not in "\n".join(listing)


def test_revoke_stops_a_token_at_once(app, client):
    """After `revoke`, the token is refused; revoking again is harmless; unknown names fail."""
    secret = flask(app, "api-token", "create", "ci").output.split()[-1]
    assert flask(app, "api-token", "revoke", "ci").output.strip() == "Token 'ci' is revoked."
    assert write_status(client, secret) == 401
    assert flask(app, "api-token", "revoke", "ci").exit_code == 0
    unknown = flask(app, "api-token", "revoke", "nobody")
    assert unknown.exit_code == 1
    assert "There is no token named 'nobody'." in unknown.output
