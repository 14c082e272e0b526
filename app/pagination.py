"""Keyset pagination, newest first, written once for every list in the app.

A page is "the `limit` rows after this id", found through the primary-key index. Unlike
OFFSET and COUNT(*), that costs the same on page 1 and page 50,000. The position travels
in an opaque cursor, signed so that a forged or mangled one is refused rather than
guessed at.
"""

from dataclasses import dataclass
from functools import lru_cache

from flask import abort, current_app, request
from itsdangerous import BadSignature, Signer
from sqlalchemy import Select, bindparam
from sqlalchemy.orm import InstrumentedAttribute

from app.extensions import db

OLDER = "older"
NEWER = "newer"
MAX_LIMIT = 100


class InvalidPageRequest(ValueError):
    """A cursor or limit that cannot be used; the message is fit to show the visitor."""


@dataclass(frozen=True)
class Page:
    """One page of rows, its size, and the cursors to its neighbours (None at either end)."""

    items: list
    limit: int
    older_cursor: str | None
    newer_cursor: str | None


def parse_limit(value: str | None, default: int) -> int:
    """The page size asked for in a query string: a whole number from 1 to MAX_LIMIT."""
    if value is None:
        return default
    if not value.isdecimal() or not 1 <= int(value) <= MAX_LIMIT:
        raise InvalidPageRequest(f"The page size must be a whole number from 1 to {MAX_LIMIT}.")
    return int(value)


def _signer() -> Signer:
    """Signs cursors with the app's secret key, salted so no other token passes as one.

    Keys in SECRET_KEY_FALLBACKS still verify, so page links survive a key rotation.
    """
    return _signer_for((*current_app.config["SECRET_KEY_FALLBACKS"], current_app.secret_key))


@lru_cache(maxsize=8)
def _signer_for(keys: tuple) -> Signer:
    """One signer per set of keys, made once rather than once per cursor."""
    return Signer(list(keys), salt="keyset-cursor")


def encode_cursor(direction: str, key: int) -> str:
    """An opaque token for "the rows older (or newer) than `key`": `older-42.<signature>`.

    The payload is plain text rather than JSON: a serializer's JSON, compression and base64
    cost twice what the signature does, and a cursor is on every page.
    """
    return _signer().sign(f"{direction}-{key}").decode("ascii")


def decode_cursor(cursor: str) -> tuple[str, int]:
    """The (direction, key) inside `cursor`, or InvalidPageRequest if it is not one of ours."""
    try:
        direction, _, key = _signer().unsign(cursor).decode("ascii").partition("-")
    except (BadSignature, UnicodeError):
        direction, key = None, ""
    if direction not in (OLDER, NEWER) or not key.isdecimal():
        raise InvalidPageRequest("That page link is not valid. Start again from the first page.")
    return direction, int(key)


def paginate(statement: Select, key: InstrumentedAttribute, cursor: str | None, limit: int) -> Page:
    """Run `statement` for one page of `limit` rows, ordered by `key` from highest to lowest.

    `statement` selects the columns the page shows, `select(Model.id, Model.name)`, and the
    page's items are rows with those attributes: a list only reads.
    """
    direction, boundary = decode_cursor(cursor) if cursor else (OLDER, None)
    values = {"page_rows": limit + 1}
    if boundary is not None:
        values["page_boundary"] = boundary
    query = _page_statement(statement, key, direction, boundary is not None)
    # A page is a plain select of columns: run it on the session's connection (the same
    # transaction), skipping the ORM's execution layer, which costs more than the query.
    rows = db.session.connection().execute(query, values).all()
    has_more = len(rows) > limit
    rows = rows[:limit]
    if direction == NEWER:
        rows.reverse()
    reached_oldest = direction == OLDER and not has_more
    reached_newest = boundary is None or (direction == NEWER and not has_more)
    return Page(
        items=rows,
        limit=limit,
        older_cursor=None if reached_oldest or not rows else _cursor(OLDER, rows[-1], key),
        newer_cursor=None if reached_newest or not rows else _cursor(NEWER, rows[0], key),
    )


@lru_cache(maxsize=64)
def _page_statement(
    statement: Select, key: InstrumentedAttribute, direction: str, bounded: bool
) -> Select:
    """`statement` filtered, ordered and limited for one kind of page, values left as parameters.

    Built once per list and kind of page (first, older, newer), then reused: building a
    statement and computing its cache key costs Python more than SQLite takes to run the
    query, and a reused statement remembers its key. Pass the same `statement` object each
    time (make it once, at import) and a list builds its three page statements once.
    """
    if direction == NEWER:
        # Walk upwards from the boundary; paginate() flips the rows back to newest first.
        statement = statement.where(key > bindparam("page_boundary")).order_by(key.asc())
    else:
        if bounded:
            statement = statement.where(key < bindparam("page_boundary"))
        statement = statement.order_by(key.desc())
    return statement.limit(bindparam("page_rows"))


def _cursor(direction: str, row: object, key: InstrumentedAttribute) -> str:
    """The cursor that continues from `row` in `direction`."""
    return encode_cursor(direction, getattr(row, key.key))


def paginate_request(statement: Select, key: InstrumentedAttribute, default_limit: int) -> Page:
    """The page that the request's `cursor` and `limit` ask for; 400 if either is not valid."""
    try:
        limit = parse_limit(request.args.get("limit"), default_limit)
        return paginate(statement, key, request.args.get("cursor"), limit)
    except InvalidPageRequest as error:
        abort(400, str(error))
