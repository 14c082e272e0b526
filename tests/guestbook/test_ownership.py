"""Who may change an entry: anyone reads, only its author edits or deletes, and no one changes
an entry without an author. Deleting an account deletes its entries.
"""

from urllib.parse import parse_qs, urlsplit

import flask_migrate
import pytest
from sqlalchemy import func, select

from app.accounts.models import User
from app.database import db
from app.guestbook.models import GuestbookEntry
from tests.accounts.fixtures import PASSWORD, client_of, make_user
from tests.database.helpers import committed

NOT_YOURS = "Only the person who wrote this entry can change it."
ORIGINAL = ("Ada", "Hello")
EDIT = {"name": "Eve", "message": "changed"}
# Every request that changes an entry (or shows the form that would).
CHANGES = [("GET", "edit"), ("POST", "edit"), ("POST", "delete")]


def write_entry(author_id: int | None, message: str = ORIGINAL[1]) -> int:
    """Commit an entry by the account `author_id` (None: no author) and return its id."""
    entry = GuestbookEntry(name=ORIGINAL[0], message=message, author_id=author_id)
    db.session.add(entry)
    db.session.commit()
    return entry.id


def saved(entry_id: int) -> tuple[str, str] | None:
    """The entry's name and message as the database holds them after the request."""
    entry = committed(select(GuestbookEntry).where(GuestbookEntry.id == entry_id)).one_or_none()
    return None if entry is None else (entry.name, entry.message)


def entry_count() -> int:
    """How many entries the database holds, as the next request would see it."""
    return committed(select(func.count()).select_from(GuestbookEntry)).one()


def change(client, method: str, entry_id: int, action: str):
    """Ask to edit or delete `entry_id`; a POST to edit sends a valid new text."""
    data = EDIT if (method, action) == ("POST", "edit") else None
    return client.open(f"/guestbook/{entry_id}/{action}", method=method, data=data)


@pytest.fixture
def entry_id(user) -> int:
    """An entry written by `user`."""
    return write_entry(user.id)


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/guestbook/new"),
        ("POST", "/guestbook/new"),
        ("GET", "/guestbook/{id}/edit"),
        ("POST", "/guestbook/{id}/edit"),
        ("POST", "/guestbook/{id}/delete"),
    ],
)
def test_a_visitor_not_signed_in_is_sent_to_sign_in_and_changes_nothing(
    client, entry_id, method, path
):
    """The form and every write need an account: sign in first, then come back to the page."""
    path = path.format(id=entry_id)
    response = client.open(path, method=method, data=EDIT if method == "POST" else None)
    assert response.status_code == 302
    location = urlsplit(response.headers["Location"])
    assert location.path == "/account/sign-in"
    assert parse_qs(location.query)["next"] == [path]
    assert entry_count() == 1
    assert saved(entry_id) == ORIGINAL


def test_each_signed_in_user_signs_as_themselves(app, user, other_user):
    """A new entry belongs to whoever is signed in, never to anyone named in the form."""
    ids = {"Ada": user.id, "Grace": other_user.id}
    for name, account in (("Ada", user), ("Grace", other_user)):
        response = client_of(app, account).post(
            "/guestbook/new", data={"name": name, "message": "Hi"}
        )
        assert response.status_code == 303
    entries = committed(select(GuestbookEntry)).all()
    assert {entry.name: entry.author_id for entry in entries} == ids


def test_the_author_can_edit_and_then_delete_their_entry(signed_in, entry_id):
    """The author may change their own entry, and then delete it."""
    assert change(signed_in, "POST", entry_id, "edit").status_code == 303
    assert saved(entry_id) == (EDIT["name"], EDIT["message"])
    assert change(signed_in, "POST", entry_id, "delete").status_code == 303
    assert saved(entry_id) is None


def assert_forbidden_in_the_layout(response) -> None:
    """The 403 page, in the site's layout, saying why."""
    assert response.status_code == 403
    page = response.get_data(as_text=True)
    assert NOT_YOURS in page
    assert 'class="site-nav"' in page


@pytest.mark.parametrize(("method", "action"), CHANGES)
def test_another_user_gets_403_and_changes_nothing(app, other_user, entry_id, method, action):
    """Another account is refused in the layout, with the reason, and the entry stays."""
    response = change(client_of(app, other_user), method, entry_id, action)
    assert_forbidden_in_the_layout(response)
    assert saved(entry_id) == ORIGINAL


@pytest.mark.parametrize(("method", "action"), CHANGES)
def test_an_entry_without_an_author_is_403_for_everyone(app, user, other_user, method, action):
    """Entries from before accounts (and demo ones) can be changed by no account at all."""
    entry_id = write_entry(author_id=None)
    for account in (user, other_user):
        assert_forbidden_in_the_layout(change(client_of(app, account), method, entry_id, action))
    assert saved(entry_id) == ORIGINAL


def change_buttons_shown(client, entry_id: int) -> set[str]:
    """Which of the Edit link and the Delete form the entry's page shows."""
    response = client.get(f"/guestbook/{entry_id}")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    buttons = {
        "edit": f'href="/guestbook/{entry_id}/edit"',
        "delete": f'action="/guestbook/{entry_id}/delete"',
    }
    return {name for name, markup in buttons.items() if markup in page}


def test_the_entry_page_shows_edit_and_delete_only_to_the_author(app, client, user, other_user):
    """Other accounts and visitors see the entry without buttons they could not use."""
    entry_id = write_entry(user.id)
    assert change_buttons_shown(client_of(app, user), entry_id) == {"edit", "delete"}
    assert change_buttons_shown(client_of(app, other_user), entry_id) == set()
    assert change_buttons_shown(client, entry_id) == set()


def test_an_entry_without_an_author_shows_no_buttons_to_anyone(app, client, user):
    """An authorless entry offers no buttons, signed in or not."""
    entry_id = write_entry(author_id=None)
    assert change_buttons_shown(client_of(app, user), entry_id) == set()
    assert change_buttons_shown(client, entry_id) == set()


# SQLite deletes the entries only because the app turns its foreign keys on (PRAGMA
# foreign_keys), PostgreSQL always: prove it on both, whichever one the suite runs on.
@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.servers)])
def app_on_each_database(request, make_app, make_database):
    """An app on a new, migrated database of each kind."""
    server_url = None  # make_database's SQLite
    if request.param == "postgresql":
        server_url = request.getfixturevalue("postgres_server_url")
    new_app = make_app(make_database(server_url))
    with new_app.app_context():
        flask_migrate.upgrade()
        yield new_app


def test_deleting_an_account_deletes_its_entries_and_leaves_the_others(app_on_each_database):
    """The database cascades the account's deletion to its entries, and to no one else's."""
    ada, grace = make_user("ada@example.com"), make_user("grace@example.com")
    ada_id = ada.id
    for message in ("first", "second"):
        write_entry(ada_id, message)
    kept = [write_entry(grace.id), write_entry(author_id=None)]
    response = client_of(app_on_each_database, ada).post(
        "/account/delete", data={"delete-password": PASSWORD}
    )
    assert response.status_code == 303
    assert committed(select(GuestbookEntry.id).order_by(GuestbookEntry.id)).all() == kept
    assert db.session.get(User, ada_id) is None
