"""Helpers the tests share."""

import re

from app.extensions import db

CSRF_INPUT = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')


def csrf_token(response) -> str:
    """The CSRF token from a rendered form, as a browser would read it."""
    match = CSRF_INPUT.search(response.get_data(as_text=True))
    assert match, "the page has no CSRF token"
    return match.group(1)


def committed(statement):
    """Run `statement` as the next request would, after dropping uncommitted work.

    Closing the session rolls back whatever a view added without commit(), just as the
    end of a request does, so a row found here proves the view committed it.
    """
    db.session.remove()
    return db.session.scalars(statement)
