"""Headers: a strict Content-Security-Policy and its companions on every response."""

import re

import pytest
from flask import redirect, url_for

from app.security import SECURITY_HEADERS
from tests.helpers import with_form_route

# A link to a page of this site, as the templates write them.
LINK = re.compile(r'href="(/[^"]*)"')

# One response of each kind the app sends: page, form post, redirect, JSON, error, static file.
RESPONSES = [
    ("GET", "/"),
    ("POST", "/form"),
    ("GET", "/moved"),
    ("GET", "/healthz"),
    ("GET", "/no/such/page"),
    ("GET", "/static/style.css"),
]


@pytest.fixture(scope="module")
def every_kind_client(make_app):
    """A client of an app with a route that reads a form and one that redirects."""
    app = with_form_route(make_app())
    app.add_url_rule("/moved", "moved", lambda: redirect("/", code=303))
    return app.test_client()


@pytest.mark.parametrize(("method", "path"), RESPONSES)
def test_every_response_carries_the_security_headers(every_kind_client, method, path):
    """Each header is on every kind of response."""
    with every_kind_client.open(path, method=method, data={"name": "Ada"}) as response:
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


# The core's pages; the pages of every layer are found by following links below.
PAGES = ["/", "/hello/World", "/nope"]
INLINE_CODE = re.compile(r"<script|<style|\sstyle=|\son\w+=", re.IGNORECASE)


@pytest.mark.parametrize("path", PAGES)
def test_pages_hold_no_inline_script_or_style(client, path):
    """Nothing the policy would block: no <script>, <style> or style= in any page."""
    page = client.get(path).get_data(as_text=True)
    assert not INLINE_CODE.search(page)


def test_every_page_a_visitor_can_reach_holds_no_inline_script_or_style(app, client):
    """Every page linked from the home page, and from those pages in turn, whichever layers
    are installed: none holds code the policy would block.
    """
    seen, waiting = set(), {"/"}
    while waiting:
        path = waiting.pop()
        seen.add(path)
        response = client.get(path, follow_redirects=True)
        if response.mimetype != "text/html":
            continue  # JSON, for machines
        page = response.get_data(as_text=True)
        assert not INLINE_CODE.search(page), f"{path} holds inline code"
        links = {link.split("#")[0] for link in LINK.findall(page)}
        waiting |= {link for link in links - seen if not link.startswith("/static/")}
    with app.test_request_context():
        navigation = {
            url_for(link.endpoint, **link.values) for link in app.extensions["layout"].nav_links
        }
    assert navigation <= seen  # the walk reached every layer's pages


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
        return "ok", {"x-frame-options": "SAMEORIGIN"}  # header names ignore case

    headers = app.test_client().get("/embeddable").headers
    assert headers.getlist("X-Frame-Options") == ["SAMEORIGIN"]
    assert headers["X-Content-Type-Options"] == "nosniff"  # the others are still added
