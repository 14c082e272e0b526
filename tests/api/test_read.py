"""Reading through the API: public, paginated by id, described by OpenAPI."""

import re
from datetime import datetime

import pytest
from openapi_spec_validator import validate

from app.api.openapi import OPENAPI_DOCUMENT
from app.database import db
from app.guestbook.models import GuestbookEntry


def assert_error(response, status: int) -> dict:
    """The response is the API's one error shape with `status`; return its `error`."""
    assert response.status_code == status
    assert response.mimetype == "application/json"
    error = response.json["error"]
    assert set(error) == {"status", "message", "fields"}
    assert error["status"] == status
    return error


def test_an_empty_list(client):
    """No entries: an empty page with no next link."""
    assert client.get("/api/v1/entries").json == {"entries": [], "next": None}


def test_the_list_walks_newest_first_by_next_links(client):
    """`next` leads page by page to the oldest entry, then is null."""
    db.session.add_all(GuestbookEntry(name="n", message=f"m{n}") for n in range(1, 46))
    db.session.commit()
    seen, url = [], "/api/v1/entries?limit=20"
    while url:
        page = client.get(url).json
        seen += [entry["message"] for entry in page["entries"]]
        url = page["next"]
    assert seen == [f"m{n}" for n in range(45, 0, -1)]


def test_before_and_after_together_walk_the_entries_between_them_newest_first(client):
    """Entries strictly between the two ids, page by page: each `next` keeps `after`."""
    rows = [GuestbookEntry(name="n", message=f"m{n}") for n in range(1, 46)]
    db.session.add_all(rows)
    db.session.commit()
    before, after = rows[30].id, rows[9].id  # m31 and m10
    seen, url = [], f"/api/v1/entries?before={before}&after={after}&limit=8"
    while url:
        page = client.get(url).json
        seen += [entry["message"] for entry in page["entries"]]
        url = page["next"]
        assert url is None or f"after={after}" in url
    assert seen == [f"m{n}" for n in range(30, 10, -1)]


def test_before_at_or_below_after_is_an_empty_page(client, entry):
    """No id lies between them: nothing, and no next page."""
    query = f"before={entry.id}&after={entry.id}"
    assert client.get(f"/api/v1/entries?{query}").json == {"entries": [], "next": None}


def test_a_listed_entry_has_the_same_fields_as_the_entry_itself(client, entry):
    """The list and the entry's own address give the same fields."""
    listed = client.get("/api/v1/entries").json["entries"]
    assert listed == [client.get(f"/api/v1/entries/{entry.id}").json]
    assert listed[0]["name"] == "Ada"
    assert listed[0]["message"] == "Hello"


def test_the_default_page_size_is_twenty(client):
    """Without `limit`, a page holds 20 entries."""
    db.session.add_all(GuestbookEntry(name="n", message="m") for _ in range(25))
    db.session.commit()
    page = client.get("/api/v1/entries").json
    assert len(page["entries"]) == 20
    assert "limit=20" in page["next"]


@pytest.mark.parametrize("query", ["limit=0", "limit=101", "limit=x", "before=x", "after=0"])
def test_a_bad_limit_or_page_link_is_400(client, query):
    """Page requests the HTML list refuses are refused here too, in the error shape."""
    error = assert_error(client.get(f"/api/v1/entries?{query}"), 400)
    assert error["fields"] == {}


def test_one_entry(client, entry):
    """An entry has its id, name, message and an ISO 8601 time with its UTC offset."""
    body = client.get(f"/api/v1/entries/{entry.id}").json
    assert body["id"] == entry.id
    assert (body["name"], body["message"]) == ("Ada", "Hello")
    assert datetime.fromisoformat(body["created_at"]).utcoffset() is not None


@pytest.mark.parametrize("path", ["/api/v1/entries/999999", "/api/v1/entries/99999999999"])
def test_an_unknown_entry_is_404(client, path):
    """An id that does not exist, even one too large for the column, is a 404."""
    assert_error(client.get(path), 404)


@pytest.mark.parametrize("path", ["/api/v1/nothing", "/api/v2/entries", "/api/"])
def test_unknown_api_addresses_answer_json(client, path):
    """Anything under /api/ answers JSON, even without Accept: application/json."""
    assert_error(client.get(path), 404)


def test_a_wrong_method_is_405_with_allow(client, entry):
    """PUT is not supported: 405 in the error shape, and Allow lists what is."""
    response = client.put(f"/api/v1/entries/{entry.id}", json={})
    assert_error(response, 405)
    assert {"GET", "PATCH", "DELETE"} <= set(response.headers["Allow"].split(", "))


def test_the_openapi_document_is_valid_openapi_3_1(client):
    """/api/v1/openapi.json passes the OpenAPI 3.1 schema validator."""
    document = client.get("/api/v1/openapi.json").json
    assert document["openapi"] == "3.1.0"
    assert document["paths"] == OPENAPI_DOCUMENT["paths"]
    validate(document)


@pytest.mark.options(site_name="Ada's Corner")
def test_the_openapi_document_is_titled_with_the_site_s_name(client):
    """The title starts with SITE_NAME, whatever the site is called when it answers."""
    info = client.get("/api/v1/openapi.json").json["info"]
    assert info == {**OPENAPI_DOCUMENT["info"], "title": "Ada's Corner guestbook API"}


def test_the_document_describes_every_api_route(app):
    """Each route under /api/v1 (but the document itself) has a documented method, and no more."""
    routed = set()
    for rule in app.url_map.iter_rules():
        if rule.endpoint.startswith("api.") and rule.endpoint != "api.openapi":
            path = rule.rule.removeprefix("/api/v1")
            path = re.sub(r"<(?:[^<>]+:)?(\w+)>", r"{\1}", path)  # Flask's <int:x> is OpenAPI's {x}
            routed |= {(path, method.lower()) for method in rule.methods - {"HEAD", "OPTIONS"}}
    documented = {
        (path, method)
        for path, item in OPENAPI_DOCUMENT["paths"].items()
        for method in item
        if method != "parameters"
    }
    assert routed == documented


def test_the_home_page_links_to_the_api_description(client):
    """The home page points developers at the OpenAPI document."""
    assert 'href="/api/v1/openapi.json"' in client.get("/").get_data(as_text=True)
