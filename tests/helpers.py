"""Helpers the tests share."""

import os
import re
from typing import NoReturn

import pytest
from flask import Flask, request, session
from markupsafe import escape

CSRF_INPUT = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')


def csrf_token(response) -> str:
    """The CSRF token from a rendered form, as a browser would read it."""
    match = CSRF_INPUT.search(response.get_data(as_text=True))
    assert match, "the page has no CSRF token"
    return match.group(1)


def needs_missing_tool(message: str) -> NoReturn:
    """Skip a test whose server or tool is missing here; in CI (`CI` set), fail it instead."""
    if os.environ.get("CI"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def with_session_routes(app: Flask) -> Flask:
    """Add /remember (puts a name in the session) and /recall (reads it back) to `app`."""

    @app.get("/remember")
    def remember():
        """Store a name in the signed session cookie."""
        session["name"] = "Ada"
        return "remembered"

    @app.get("/recall")
    def recall():
        """Read the name back, if the session cookie is still accepted."""
        return session.get("name", "nobody")

    return app


def with_form_route(app: Flask) -> Flask:
    """Add POST /form, which parses the body as a form, to `app`."""

    @app.post("/form")
    def form():
        """Count the fields, which makes Werkzeug parse (and limit) the body."""
        return str(len(request.form))

    return app


# Inputs that become markup or script wherever output is not escaped.
HOSTILE_INPUTS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "' autofocus onfocus='alert(1)",
    "javascript:alert(1)",
    "<svg onload=alert(1)>",
    '<a href="javascript:alert(1)">click</a>',
    "<iframe srcdoc='<script>alert(1)</script>'>",
    "\u202e<script>alert(1)</script>",  # right-to-left override
    "\uff1cscript\uff1ealert(1)",  # full-width angle brackets
    "{{ 7 * 7 }}{% raw %}",  # template syntax must stay text
]


def assert_shown_as_text(page: str, payload: str) -> None:
    """The payload appears escaped, never as markup, and never as a link target."""
    assert str(escape(payload)) in page
    if any(char in payload for char in "<>\"'"):
        assert payload not in page
    assert 'href="javascript:' not in page.lower()
