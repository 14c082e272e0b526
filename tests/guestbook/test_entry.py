"""One entry: its page, and its author editing it and deleting it by POST only.

Who else may do what is in test_ownership.py.
"""

import pytest
from sqlalchemy import select

from app.database import db
from app.guestbook.models import MESSAGE_MAX_LENGTH, GuestbookEntry
from tests.database.helpers import committed


@pytest.fixture
def entry(user):
    """One committed entry, written by `user`."""
    row = GuestbookEntry(name="Ada", message="Hello <b>world</b>", author_id=user.id)
    db.session.add(row)
    db.session.commit()
    return row


def saved(entry_id: int) -> GuestbookEntry | None:
    """The entry as the database holds it after the request."""
    return committed(select(GuestbookEntry).where(GuestbookEntry.id == entry_id)).one_or_none()


def test_detail_page_shows_the_entry_escaped(signed_in, entry):
    """The entry's page shows its text as text, with edit and delete controls for its author."""
    response = signed_in.get(f"/guestbook/{entry.id}")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "Hello &lt;b&gt;world&lt;/b&gt;" in page
    assert f'href="/guestbook/{entry.id}/edit"' in page
    assert f'action="/guestbook/{entry.id}/delete"' in page


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/guestbook/999999"),
        ("GET", "/guestbook/99999999999"),  # beyond an INTEGER column: 404, not a database error
        ("GET", "/guestbook/999999/edit"),
        ("POST", "/guestbook/999999/edit"),
        ("POST", "/guestbook/999999/delete"),
    ],
)
def test_an_unknown_entry_is_404_in_the_layout(signed_in, method, path):
    """Every page of a missing entry answers the 404 page."""
    response = signed_in.open(path, method=method, data={"name": "x", "message": "y"})
    assert response.status_code == 404
    assert "There is nothing at this address" in response.get_data(as_text=True)


def test_edit_form_is_filled_with_the_entry(signed_in, entry):
    """The edit page starts from the current values."""
    page = signed_in.get(f"/guestbook/{entry.id}/edit").get_data(as_text=True)
    assert 'value="Ada"' in page
    assert "Hello &lt;b&gt;world&lt;/b&gt;</textarea>" in page


def test_editing_saves_and_returns_to_the_entry(signed_in, entry):
    """A valid edit commits and redirects (303) to the entry's page, with a flash."""
    data = {"name": "Ada L.", "message": "Edited"}
    response = signed_in.post(f"/guestbook/{entry.id}/edit", data=data)
    assert response.status_code == 303
    assert response.headers["Location"] == f"/guestbook/{entry.id}"
    assert (saved(entry.id).name, saved(entry.id).message) == ("Ada L.", "Edited")
    page = signed_in.get(f"/guestbook/{entry.id}").get_data(as_text=True)
    assert "Your changes are saved." in page


def test_an_invalid_edit_changes_nothing(signed_in, entry):
    """An over-long message is refused with 400, and the entry keeps its old text."""
    data = {"name": "Ada", "message": "m" * (MESSAGE_MAX_LENGTH + 1)}
    response = signed_in.post(f"/guestbook/{entry.id}/edit", data=data)
    assert response.status_code == 400
    assert saved(entry.id).message == "Hello <b>world</b>"


def test_deleting_removes_the_entry(signed_in, entry):
    """POST to delete commits the removal and returns to the list with a flash."""
    response = signed_in.post(f"/guestbook/{entry.id}/delete")
    assert response.status_code == 303
    assert response.headers["Location"] == "/guestbook/"
    assert saved(entry.id) is None
    assert "The entry is deleted." in signed_in.get("/guestbook/").get_data(as_text=True)


def test_delete_by_get_is_refused(signed_in, entry):
    """A link or a prefetch can never delete: GET answers 405 and the entry stays."""
    assert signed_in.get(f"/guestbook/{entry.id}/delete").status_code == 405
    assert saved(entry.id) is not None


@pytest.mark.options(wtf_csrf_enabled=True)
def test_delete_without_a_csrf_token_is_refused(signed_in, entry):
    """A cross-site POST cannot delete: 400 and the entry stays."""
    assert signed_in.post(f"/guestbook/{entry.id}/delete").status_code == 400
    assert saved(entry.id) is not None


def test_repr_names_the_entry(entry):
    """The shell and test failures show which entry an object is."""
    assert repr(entry) == f"<GuestbookEntry {entry.id} by 'Ada'>"
