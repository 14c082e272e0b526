"""`flask api-token create|list|revoke`: manage the tokens that write through the API.

Each token acts for one account, named by its email with `--user`.
"""

import click
from flask.cli import AppGroup

from app.accounts.models import User
from app.api.models import ApiToken
from app.api.tokens import TokenError, create_token, revoke_token, tokens_of

api_token = AppGroup("api-token", help="Create, list and revoke API tokens.")
user_option = click.option("--user", "email", required=True, help="The account's email.")


def account(email: str) -> User:
    """The account with this email, or an error that names it."""
    user = User.find_by_email(email)
    if user is None:
        raise click.ClickException(f"There is no account with the email {email!r}.")
    return user


@api_token.command("create")
@user_option
@click.argument("name")
def create(email: str, name: str) -> None:
    """Create a token called NAME for an account, and print it, once."""
    try:
        secret = create_token(account(email), name)
    except TokenError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Token {name!r} created. It is shown only this once; store it now:")
    click.echo(secret)


@api_token.command("list")
@user_option
def list_tokens(email: str) -> None:
    """List an account's tokens: name, creation time and state (secrets are not stored)."""
    tokens = tokens_of(account(email))
    if not tokens:
        click.echo(f"No API tokens. Create one with: flask api-token create --user {email} NAME")
    for token in tokens:
        click.echo(f"{token.name}\tcreated {token.created_at:%Y-%m-%d %H:%M}\t{state(token)}")


def state(token: ApiToken) -> str:
    """ "active", or when the token was revoked."""
    return f"revoked {token.revoked_at:%Y-%m-%d %H:%M}" if token.revoked_at else "active"


@api_token.command("revoke")
@user_option
@click.argument("name")
def revoke(email: str, name: str) -> None:
    """Revoke an account's token called NAME: it stops working at once."""
    try:
        revoke_token(account(email), name)
    except TokenError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Token {name!r} is revoked.")
