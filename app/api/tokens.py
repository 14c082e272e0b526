"""Creating, listing and revoking an account's API tokens: the CLI and the account page share it."""

from flask import Flask
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from app.accounts.models import User
from app.api.models import TOKEN_NAME_MAX_LENGTH, ApiToken
from app.database import db
from app.database.models import utc_now


class TokenError(ValueError):
    """A token can't be created or revoked as asked; the message says why."""


def tokens_of(user: User) -> list[ApiToken]:
    """Every token of `user`, oldest first, revoked ones included."""
    statement = select(ApiToken).where(ApiToken.user_id == user.id).order_by(ApiToken.id)
    return list(db.session.scalars(statement))


def token_named(user: User, name: str) -> ApiToken | None:
    """`user`'s token called `name`, revoked or not."""
    statement = select(ApiToken).where(ApiToken.user_id == user.id, ApiToken.name == name)
    return db.session.scalars(statement).one_or_none()


def create_token(user: User, name: str) -> str:
    """Store a new token called `name` for `user`, and return its secret (shown only once)."""
    if not name.strip() or len(name) > TOKEN_NAME_MAX_LENGTH:
        raise TokenError(f"Give the token a name of 1 to {TOKEN_NAME_MAX_LENGTH} characters.")
    if token_named(user, name):
        raise TokenError(f"You have a token named {name!r} already.")
    token, secret = ApiToken.issue(user.id, name)
    db.session.add(token)
    try:
        db.session.commit()
    except IntegrityError:  # the same name, created a moment ago by another request
        db.session.rollback()
        raise TokenError(f"You have a token named {name!r} already.") from None
    return secret


def revoke_token(user: User, name: str) -> None:
    """Mark `user`'s token called `name` revoked: it stops working at once."""
    token = token_named(user, name)
    if token is None:
        raise TokenError(f"There is no token named {name!r}.")
    if token.revoked_at is None:
        token.revoked_at = utc_now()
        db.session.commit()


def revoke_every_token(_app: Flask, user: User) -> None:
    """Revoke every token of `user` (the accounts layer's `password_changed`): a thief who had
    the old password, or a copy of a session, could have made one. Committed by the sender.
    """
    active = ApiToken.user_id == user.id, ApiToken.revoked_at.is_(None)
    db.session.execute(update(ApiToken).where(*active).values(revoked_at=utc_now()))
