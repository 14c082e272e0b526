"""The OpenAPI document names the refusals each write can meet."""

import re

import pytest

from app.api.openapi import OPENAPI_DOCUMENT, TEXT_PATTERN

WRITES = [("/entries", "post"), ("/entries/{entry_id}", "patch"), ("/entries/{entry_id}", "delete")]


def responses(path: str, method: str) -> dict:
    """The documented responses of one operation."""
    return OPENAPI_DOCUMENT["paths"][path][method]["responses"]


@pytest.mark.parametrize(("path", "method"), WRITES)
def test_every_write_documents_the_missing_token(path, method):
    """POST, PATCH and DELETE each say a write without a valid token is a 401."""
    assert "401" in responses(path, method)


@pytest.mark.parametrize("method", ["patch", "delete"])
def test_changing_an_entry_documents_that_it_may_be_anothers(method):
    """PATCH and DELETE say another account's entry is a 403; creating has no owner to check."""
    assert responses("/entries/{entry_id}", method)["403"]["description"] == (
        "The entry belongs to another account"
    )
    assert "403" not in responses("/entries", "post")


@pytest.mark.parametrize(
    ("text", "valid"),
    [
        ("Ada", True),
        (" Ada ", True),
        ("   ", False),
        ("", False),
        ("\x00", False),
        ("A\x00", False),
    ],
)
def test_the_text_pattern_accepts_what_the_api_accepts(client, auth, text, valid):
    """A name the document allows is one the API takes, and the other way round: a fuzzer
    trusts the pattern (a lone NUL once passed it, and the API answered 422).
    """
    assert bool(re.search(TEXT_PATTERN, text)) is valid
    response = client.post("/api/v1/entries", json={"name": text, "message": "Hi"}, headers=auth)
    assert response.status_code == (201 if valid else 422)


@pytest.mark.parametrize(("path", "method"), WRITES)
def test_every_write_documents_the_rate_limit(path, method):
    """Each write may meet the limits: a 429 whose Retry-After is required.

    tests/api/test_limits.py proves the API's writes answer so.
    """
    assert responses(path, method)["429"]["headers"]["Retry-After"]["required"] is True
