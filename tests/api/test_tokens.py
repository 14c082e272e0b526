"""`flask api-token --user EMAIL`: an account's tokens, shown once, stored as hashes, listed
and revoked.
"""

from sqlalchemy import event, insert, select

from app.api.models import ApiToken, hash_token
from app.database.models import utc_now
from tests.api.helpers import write_status
from tests.database.helpers import committed


def flask(app, *args: str):
    """Run a `flask` command against the test app."""
    return app.test_cli_runner().invoke(args=list(args))


def create(app, email: str, name: str) -> str:
    """Create a token with the CLI and return its secret (the last word printed)."""
    result = flask(app, "api-token", "create", "--user", email, name)
    assert result.exit_code == 0, result.output
    return result.output.split()[-1]


def test_create_prints_the_token_once_and_stores_only_its_hash(app, client, user):
    """The printed secret writes as the account; the database holds its SHA-256 only."""
    user_id = user.id
    secret = create(app, "ada@example.com", "deploy-bot")
    stored = committed(select(ApiToken)).one()
    assert (stored.name, stored.user_id) == ("deploy-bot", user_id)
    assert stored.token_hash == hash_token(secret)
    assert secret not in {stored.name, stored.token_hash}
    assert write_status(client, secret) == 201


def test_the_email_is_matched_in_any_letter_case(app, user):
    """--user Ada@Example.COM names the account ada@example.com."""
    user_id = user.id
    create(app, "Ada@Example.COM", "ci")
    assert committed(select(ApiToken.user_id)).one() == user_id


def test_every_command_refuses_an_unknown_email(app, user):
    """No account with the email: exit code 1, a message naming it, and nothing stored."""
    for command in (["create", "ci"], ["list"], ["revoke", "ci"]):
        result = flask(app, "api-token", command[0], "--user", "nobody@example.com", *command[1:])
        assert result.exit_code == 1
        assert "There is no account with the email 'nobody@example.com'." in result.output
    assert committed(select(ApiToken)).all() == []


def test_every_command_needs_the_user_option(app):
    """Without --user, click refuses before anything runs (exit code 2)."""
    for command in (["create", "ci"], ["list"], ["revoke", "ci"]):
        result = flask(app, "api-token", *command)
        assert result.exit_code == 2
        assert "Missing option '--user'" in result.output


def test_names_are_unique_per_account_and_bounded(app, user):
    """The same name twice, an empty or an over-long name, is refused with exit code 1."""
    create(app, "ada@example.com", "laptop")
    duplicate = flask(app, "api-token", "create", "--user", "ada@example.com", "laptop")
    assert duplicate.exit_code == 1
    assert "You have a token named 'laptop' already." in duplicate.output
    for name in ("", "   ", "x" * 81):
        refused = flask(app, "api-token", "create", "--user", "ada@example.com", name)
        assert refused.exit_code == 1
        assert "Give the token a name of 1 to 80 characters." in refused.output
    assert committed(select(ApiToken.name)).all() == ["laptop"]


def test_two_accounts_may_both_have_a_laptop(app, client, user, other_user):
    """Names are unique per account only: each "laptop" writes as its own account."""
    user_ids = {user.id, other_user.id}
    ada = create(app, "ada@example.com", "laptop")
    grace = create(app, "grace@example.com", "laptop")
    owners = committed(select(ApiToken.user_id).where(ApiToken.name == "laptop")).all()
    assert set(owners) == user_ids
    assert write_status(client, ada) == write_status(client, grace) == 201


def test_list_shows_only_that_accounts_tokens_never_secrets(app, user, other_user):
    """`list` explains how to start when empty, then shows each of the account's tokens."""
    empty = flask(app, "api-token", "list", "--user", "ada@example.com")
    assert empty.exit_code == 0
    assert (
        "No API tokens. Create one with: flask api-token create --user ada@example.com NAME"
        in empty.output
    )
    secret = create(app, "ada@example.com", "ci")
    create(app, "ada@example.com", "old")
    create(app, "grace@example.com", "grace-only")
    flask(app, "api-token", "revoke", "--user", "ada@example.com", "old")
    listing = flask(app, "api-token", "list", "--user", "ada@example.com").output.splitlines()
    assert len(listing) == 2
    assert listing[0].startswith("ci\tcreated ") and listing[0].endswith("\tactive")
    assert listing[1].startswith("old\tcreated ") and "\trevoked " in listing[1]
    assert secret not in "\n".join(listing)
    graces = flask(app, "api-token", "list", "--user", "grace@example.com").output
    assert graces.startswith("grace-only\tcreated ")
    assert "ci\t" not in graces


def test_revoke_stops_a_token_at_once(app, client, user):
    """After `revoke` the token is refused; revoking again is harmless; unknown names fail."""
    secret = create(app, "ada@example.com", "ci")
    revoked = flask(app, "api-token", "revoke", "--user", "ada@example.com", "ci")
    assert revoked.output.strip() == "Token 'ci' is revoked."
    assert write_status(client, secret) == 401
    assert committed(select(ApiToken.revoked_at)).one() is not None
    assert flask(app, "api-token", "revoke", "--user", "ada@example.com", "ci").exit_code == 0
    unknown = flask(app, "api-token", "revoke", "--user", "ada@example.com", "nobody")
    assert unknown.exit_code == 1
    assert "There is no token named 'nobody'." in unknown.output


def test_revoke_reaches_only_the_named_accounts_token(app, client, user, other_user):
    """Grace can't revoke Ada's "laptop" by its name: hers is unknown, Ada's still works."""
    secret = create(app, "ada@example.com", "laptop")
    refused = flask(app, "api-token", "revoke", "--user", "grace@example.com", "laptop")
    assert refused.exit_code == 1
    assert "There is no token named 'laptop'." in refused.output
    assert write_status(client, secret) == 201


def test_a_name_taken_by_another_request_a_moment_ago_is_refused_too(app, user):
    """Two creates of one name at once: both pass the check, the database's unique
    constraint refuses the second, and it gets the same message as any duplicate.
    """
    user_id = user.id

    def another_request_takes_the_name(_mapper, connection, _token):
        """Just before this command's INSERT, store the same name for the same account."""
        rival = {"user_id": user_id, "name": "laptop", "token_hash": "0" * 64}
        connection.execute(insert(ApiToken).values(created_at=utc_now(), **rival))

    event.listen(ApiToken, "before_insert", another_request_takes_the_name)
    try:
        result = flask(app, "api-token", "create", "--user", "ada@example.com", "laptop")
    finally:
        event.remove(ApiToken, "before_insert", another_request_takes_the_name)
    assert result.exit_code == 1
    assert "You have a token named 'laptop' already." in result.output
