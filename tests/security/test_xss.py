"""XSS: hostile input in the URL comes back as text (each form's tests check its own fields)."""

import pytest

from tests.helpers import HOSTILE_INPUTS, assert_shown_as_text


@pytest.mark.parametrize("payload", [p for p in HOSTILE_INPUTS if "/" not in p])
def test_the_greeting_in_the_url_is_escaped(client, payload):
    """/hello/<name> shows any name as text."""
    response = client.get(f"/hello/{payload}")
    assert response.status_code == 200
    assert_shown_as_text(response.get_data(as_text=True), payload)
