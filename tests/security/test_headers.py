"""Headers: a strict Content-Security-Policy and its companions on every response."""

import re

import pytest

from app.security import SECURITY_HEADERS

# One response of each kind the app sends: page, form, redirect, JSON, error, static file.
RESPONSES = [
    ("GET", "/"),
    ("GET", "/submit"),  # layer: forms
    ("POST", "/submit"),  # layer: forms
    ("GET", "/healthz"),
    ("GET", "/no/such/page"),
    ("GET", "/static/style.css"),
]


@pytest.mark.parametrize(("method", "path"), RESPONSES)
def test_every_response_carries_the_security_headers(client, method, path):
    """Each header is on every kind of response."""
    with client.open(path, method=method, data={"name": "Ada"}) as response:
        for name, value in SECURITY_HEADERS.items():
            assert response.headers[name] == value


def test_the_policy_allows_only_this_sites_own_files():
    """default-src 'self', no inline code, no framing, no plugins."""
    policy = SECURITY_HEADERS["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "object-src 'none'" in policy
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy
    assert SECURITY_HEADERS["X-Frame-Options"] == "DENY"
    assert SECURITY_HEADERS["X-Content-Type-Options"] == "nosniff"


PAGES = [
    "/",
    "/submit",  # layer: forms
    "/guestbook/",  # layer: guestbook
    "/guestbook/new",  # layer: guestbook
    "/nope",
]


@pytest.mark.parametrize("path", PAGES)
def test_pages_hold_no_inline_script_or_style(client, path):
    """Nothing the policy would block: no <script>, <style> or style= in any page."""
    page = client.get(path).get_data(as_text=True)
    assert not re.search(r"<script|<style|\sstyle=|\son\w+=", page, re.IGNORECASE)


def test_hsts_is_off_outside_production(client):
    """Development runs on plain HTTP, where HSTS would lock the browser out."""
    assert "Strict-Transport-Security" not in client.get("/").headers


def test_hsts_is_sent_when_configured(make_app):
    """Production sets STRICT_TRANSPORT_SECURITY; every response then carries it."""
    app = make_app(STRICT_TRANSPORT_SECURITY="max-age=63072000; includeSubDomains")
    response = app.test_client().get("/")
    assert response.headers["Strict-Transport-Security"] == "max-age=63072000; includeSubDomains"


def test_a_view_may_set_its_own_policy(make_app):
    """Headers are defaults: a view that sets one keeps its own value."""
    app = make_app()

    @app.get("/embeddable")
    def embeddable():
        """A page that chooses a looser framing rule."""
        return "ok", {"X-Frame-Options": "SAMEORIGIN"}

    assert app.test_client().get("/embeddable").headers["X-Frame-Options"] == "SAMEORIGIN"
