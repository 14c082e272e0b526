"""`flask api-token create|list|revoke`: manage the tokens that may write through the API."""

import click
from flask.cli import AppGroup
from sqlalchemy import select

from app.api.models import TOKEN_NAME_MAX_LENGTH, ApiToken
from app.extensions import db
from app.models import utc_now

api_token = AppGroup("api-token", help="Create, list and revoke API tokens.")


def token_named(name: str) -> ApiToken | None:
    """The token called `name`, revoked or not."""
    return db.session.scalars(select(ApiToken).where(ApiToken.name == name)).one_or_none()


@api_token.command("create")
@click.argument("name")
def create(name: str) -> None:
    """Create a token called NAME and print it, once."""
    if len(name) > TOKEN_NAME_MAX_LENGTH:
        raise click.ClickException(f"NAME can be at most {TOKEN_NAME_MAX_LENGTH} characters.")
    if token_named(name):
        raise click.ClickException(f"A token named {name!r} exists already.")
    token, secret = ApiToken.issue(name)
    db.session.add(token)
    db.session.commit()
    click.echo(f"Token {name!r} created. It is shown only this once; store it now:")
    click.echo(secret)


@api_token.command("list")
def list_tokens() -> None:
    """List every token's name, creation time and state (the secrets are not stored)."""
    tokens = db.session.scalars(select(ApiToken).order_by(ApiToken.id)).all()
    if not tokens:
        click.echo("No API tokens. Create one with: flask api-token create NAME")
    for token in tokens:
        state = f"revoked {token.revoked_at:%Y-%m-%d %H:%M}" if token.revoked_at else "active"
        click.echo(f"{token.name}\tcreated {token.created_at:%Y-%m-%d %H:%M}\t{state}")


@api_token.command("revoke")
@click.argument("name")
def revoke(name: str) -> None:
    """Revoke the token called NAME: it stops working at once."""
    token = token_named(name)
    if token is None:
        raise click.ClickException(f"There is no token named {name!r}.")
    if token.revoked_at is None:
        token.revoked_at = utc_now()
        db.session.commit()
    click.echo(f"Token {name!r} is revoked.")
