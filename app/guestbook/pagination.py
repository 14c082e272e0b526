"""Keyset pagination, newest first, written once for every list in the app.

A page is "the `limit` rows with an id below `before`" (or above `after`, going back
towards the newest), found through the primary-key index. Unlike OFFSET and COUNT(*),
that costs the same on page 1 and page 50,000. The page links carry plain ids
(`?before=42`): an id is no secret, and any whole number is a valid place to start.
"""

from dataclasses import dataclass

from flask import abort, request
from sqlalchemy import Column, Select, bindparam

from app.database.extensions import db
from app.database.models import MAX_INTEGER

MAX_LIMIT = 100
LIMIT_MESSAGE = f"The page size must be a whole number from 1 to {MAX_LIMIT}."
PLACE_MESSAGE = "That page link is not valid. Start again from the first page."


@dataclass(frozen=True)
class Page:
    """One page of items, its size, and where its neighbours start (None at either end).

    `older` is the `before` value of the next page down; `newer` the `after` value of the
    page above.
    """

    items: list
    limit: int
    older: int | None
    newer: int | None


def whole_number(value: str | None, maximum: int) -> int | None:
    """A query-string value as a whole number from 1 to `maximum`; None when absent.

    Raises ValueError for anything else.
    """
    if value is None:
        return None
    if not value.isdecimal() or not 1 <= int(value) <= maximum:
        raise ValueError(value)
    return int(value)


class KeysetPages:
    """The statements that read a list one page at a time, highest `key` first.

    `statement` selects the columns the page shows, `select(table.c.id, table.c.name)`,
    and each row has them as attributes: `row.name`. The four statements a page can need
    are built here once, with bound parameters for the request's values: SQLAlchemy builds
    and keys a statement in Python, which costs about as much as running a query this
    simple, so a statement built anew on every request would be paid for twice.
    """

    def __init__(self, statement: Select, key: Column):
        """Build the four statements once; `key` orders the rows and names each page's place."""
        self.key = key.key
        limit = bindparam("limit")
        newest_first = key.desc()
        self.first = statement.order_by(newest_first).limit(limit)
        self.older = statement.where(key < bindparam("before")).order_by(newest_first).limit(limit)
        # Walking upwards from `after` reads the rows lowest first; `page` turns them round.
        self.newer = statement.where(key > bindparam("after")).order_by(key.asc()).limit(limit)
        self.between = (
            statement.where(key < bindparam("before"), key > bindparam("after"))
            .order_by(newest_first)
            .limit(limit)
        )

    def page(self, limit: int, before: int | None = None, after: int | None = None) -> Page:
        """One page of `limit` rows: below `before`, just above `after`, or between both.

        With `after` alone, the page holds the `limit` rows just above it, still highest
        first; with both, the rows between them, read downwards from `before` like any
        older page.
        """
        # One row more than the page shows tells whether there is a page beyond it.
        values = {"limit": limit + 1, "before": before, "after": after}
        if before is not None and after is not None:
            statement, after = self.between, None  # from here on, an older page
        elif after is not None:
            statement = self.newer
        elif before is not None:
            statement = self.older
        else:
            statement = self.first
        items = db.session.execute(statement, values).all()
        has_more = len(items) > limit
        items = items[:limit]
        if after is not None:
            items.reverse()
        # Moving down, there is an older page if the query found more; moving up, there is
        # one (we came from it). The same holds the other way round for newer pages.
        has_older = has_more if after is None else bool(items)
        has_newer = has_more if after is not None else before is not None and bool(items)
        return Page(
            items=items,
            limit=limit,
            older=getattr(items[-1], self.key) if has_older else None,
            newer=getattr(items[0], self.key) if has_newer else None,
        )


def paginate_request(pages: KeysetPages, default_limit: int) -> Page:
    """The page that the request's `before`, `after` and `limit` ask for; 400 if not valid."""
    args = request.args
    try:
        limit = whole_number(args.get("limit"), MAX_LIMIT) or default_limit
    except ValueError:
        abort(400, LIMIT_MESSAGE)
    try:
        before = whole_number(args.get("before"), MAX_INTEGER)
        after = whole_number(args.get("after"), MAX_INTEGER)
    except ValueError:
        abort(400, PLACE_MESSAGE)
    return pages.page(limit, before, after)
