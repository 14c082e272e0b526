"""The guestbook list: newest first, keyset pages, and refused page requests."""

import re

import pytest
from sqlalchemy import Select, event

from app.database import db
from app.database.models import MAX_INTEGER
from app.filters import utc_isoformat
from app.guestbook.models import ENTRY_PAGES, GuestbookEntry

PAGER_LINK = re.compile(r'href="(/guestbook/\?(?:before|after)=[^"]+)" rel="(prev|next)"')


@pytest.fixture
def entries():
    """45 entries, "message 1" (oldest) to "message 45" (newest)."""
    rows = [GuestbookEntry(name=f"Guest {n}", message=f"message {n}") for n in range(1, 46)]
    db.session.add_all(rows)
    db.session.commit()
    return rows


def messages_on(page: str) -> list[int]:
    """The entry numbers a page lists, top to bottom."""
    return [int(n) for n in re.findall(r'<p class="entry-message">message (\d+)</p>', page)]


def pager_links(page: str) -> dict[str, str]:
    """The page's "newer" (prev) and "older" (next) links, by rel."""
    return {rel: href.replace("&amp;", "&") for href, rel in PAGER_LINK.findall(page)}


def test_empty_guestbook_invites_the_first_entry(client):
    """With no entries, the page says so and links to the form."""
    page = client.get("/guestbook/").get_data(as_text=True)
    assert "No entries here yet" in page
    assert 'href="/guestbook/new"' in page
    assert pager_links(page) == {}


def test_an_entry_shows_its_message_its_name_linked_to_it_and_its_time(client):
    """Each column of a list row lands in its own place on the page."""
    entry = GuestbookEntry(name="Ada", message="Hello there")
    db.session.add(entry)
    db.session.commit()
    page = client.get("/guestbook/").get_data(as_text=True)
    assert '<p class="entry-message">Hello there</p>' in page
    assert f'<a href="/guestbook/{entry.id}">Ada</a>' in page
    signed = entry.created_at
    assert f'<time datetime="{utc_isoformat(signed)}">{signed:%Y-%m-%d %H:%M}</time>' in page


def test_pages_walk_from_newest_to_oldest_and_back(client, entries):
    """Older links walk down 20 at a time; newer links come back to the same pages."""
    first = client.get("/guestbook/").get_data(as_text=True)
    assert messages_on(first) == list(range(45, 25, -1))
    assert set(pager_links(first)) == {"next"}

    second = client.get(pager_links(first)["next"]).get_data(as_text=True)
    assert messages_on(second) == list(range(25, 5, -1))
    assert set(pager_links(second)) == {"prev", "next"}

    last = client.get(pager_links(second)["next"]).get_data(as_text=True)
    assert messages_on(last) == [5, 4, 3, 2, 1]
    assert set(pager_links(last)) == {"prev"}

    back = client.get(pager_links(last)["prev"]).get_data(as_text=True)
    assert messages_on(back) == messages_on(second)
    top = client.get(pager_links(back)["prev"]).get_data(as_text=True)
    assert messages_on(top) == messages_on(first)
    assert set(pager_links(top)) == {"next"}


def test_limit_sets_the_page_size_and_the_links_keep_it(client, entries):
    """?limit= changes the page size, and the pager carries it along."""
    first = client.get("/guestbook/?limit=10").get_data(as_text=True)
    assert messages_on(first) == list(range(45, 35, -1))
    older = client.get(pager_links(first)["next"]).get_data(as_text=True)
    assert messages_on(older) == list(range(35, 25, -1))


def test_an_entry_added_while_paging_does_not_shift_the_pages(client, entries):
    """Unlike OFFSET, a page that starts from an id stays put when new entries arrive."""
    first = client.get("/guestbook/").get_data(as_text=True)
    client.post("/guestbook/new", data={"name": "Late", "message": "message 46"})
    second = client.get(pager_links(first)["next"]).get_data(as_text=True)
    assert messages_on(second) == list(range(25, 5, -1))


def test_deep_pages_seek_by_key_without_offset_or_count(client, entries):
    """A deep page is one keyset seek: WHERE id < before, no OFFSET to skip, no COUNT(*)."""
    first = client.get("/guestbook/").get_data(as_text=True)
    queries = []
    connection = db.session.connection()

    def record(_conn, _cursor, statement, parameters, *_):
        """Keep each SELECT the page runs, with its parameters."""
        if statement.lstrip().upper().startswith("SELECT"):
            queries.append((statement.upper(), parameters))

    event.listen(connection, "before_cursor_execute", record)
    try:
        client.get(pager_links(first)["next"])
    finally:
        event.remove(connection, "before_cursor_execute", record)
    assert len(queries) == 1
    sql, parameters = queries[0]
    assert "GUESTBOOK_ENTRIES.ID <" in sql
    assert "COUNT(" not in sql
    # SQLite's dialect always writes "LIMIT ? OFFSET ?"; the offset must then be zero.
    assert "OFFSET" not in sql or parameters[-1] == 0


@pytest.mark.parametrize(
    ("query", "statement"),
    [
        ("", "first"),
        ("?before=40", "older"),
        ("?after=10", "newer"),
        ("?before=40&after=10", "between"),
    ],
)
def test_every_page_runs_one_of_four_statements_built_once(client, entries, query, statement):
    """Building a statement costs as much as running it: requests reuse the list's own."""
    run = []

    def record(_connection, clause, *_):
        """Keep each SELECT the engine is given, as the object it is (not the tests' SAVEPOINTs)."""
        if isinstance(clause, Select):
            run.append(clause)

    event.listen(db.engine, "before_execute", record)
    try:
        client.get(f"/guestbook/{query}")
        client.get(f"/guestbook/{query}")
    finally:
        event.remove(db.engine, "before_execute", record)
    assert [clause is getattr(ENTRY_PAGES, statement) for clause in run] == [True, True]


@pytest.mark.parametrize("limit", ["0", "-1", "101", "abc", "1.5", "99999999999999999999", ""])
def test_a_bad_page_size_is_refused_with_400(client, limit):
    """Negative, zero, huge or non-numeric sizes get a 400 page that gives the range."""
    response = client.get(f"/guestbook/?limit={limit}")
    assert response.status_code == 400
    assert "The page size must be a whole number from 1 to 100." in response.get_data(as_text=True)


@pytest.mark.parametrize(
    "query",
    [
        {"before": "abc"},
        {"before": "0"},
        {"before": "-5"},
        {"after": "1.5"},
        {"after": ""},
        {"before": str(MAX_INTEGER + 1)},
        {"before": "9" * 5000},  # more digits than Python turns into an int by default
        {"before": "5", "after": "abc"},
    ],
)
def test_a_bad_page_link_is_refused_with_400(client, query):
    """A place to start that is not one whole id is refused, not guessed at."""
    response = client.get("/guestbook/", query_string=query)
    assert response.status_code == 400
    assert "That page link is not valid" in response.get_data(as_text=True)


@pytest.mark.parametrize("query", [{"before": str(MAX_INTEGER)}, {"after": str(MAX_INTEGER)}])
def test_the_largest_id_is_a_valid_place_to_start(client, entries, query):
    """Any id a database can store starts a page, on SQLite and PostgreSQL alike."""
    page = client.get("/guestbook/", query_string=query).get_data(as_text=True)
    assert messages_on(page) == (list(range(45, 25, -1)) if "before" in query else [])


def test_a_page_between_two_ids_lists_the_entries_between_them_newest_first(client, entries):
    """?before= and ?after= together (an API client's habit, or a hand-made link) bound the
    page on both sides.
    """
    query = {"before": entries[30].id, "after": entries[9].id}  # messages 31 and 10
    page = client.get("/guestbook/", query_string=query).get_data(as_text=True)
    assert messages_on(page) == list(range(30, 10, -1))


def test_a_page_from_a_typed_id_links_both_ways(client, entries):
    """A hand-written ?before= (a bookmark, say) gets working links in both directions."""
    entry_30 = entries[29].id
    page = client.get(f"/guestbook/?before={entry_30}&limit=5").get_data(as_text=True)
    assert messages_on(page) == [29, 28, 27, 26, 25]
    newer = client.get(pager_links(page)["prev"]).get_data(as_text=True)
    assert messages_on(newer) == [34, 33, 32, 31, 30]


def test_the_home_page_and_the_header_link_to_the_guestbook(client):
    """The guestbook is one click from anywhere: its card on the home page, its header link."""
    home = client.get("/").get_data(as_text=True)
    assert home.count('href="/guestbook/"') == 2
    assert '<a href="/guestbook/" aria-current="page">' not in home


@pytest.mark.parametrize("path", ["/guestbook/", "/guestbook/{id}", "/guestbook/new"])
def test_the_header_link_is_marked_current_on_every_guestbook_page(signed_in, path):
    """The whole guestbook is one section of the site: its link says the visitor is in it."""
    entry = GuestbookEntry(name="Ada", message="Hello there")
    db.session.add(entry)
    db.session.commit()
    page = signed_in.get(path.format(id=entry.id)).get_data(as_text=True)
    assert '<a href="/guestbook/" aria-current="page">Guestbook</a>' in page
