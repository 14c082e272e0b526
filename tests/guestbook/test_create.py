"""Signing the guestbook (signed in): the form, its limits, CSRF, and the commit."""

import io

import pytest
from sqlalchemy import func, select

from app.guestbook.models import MESSAGE_MAX_LENGTH, NAME_MAX_LENGTH, GuestbookEntry
from tests.database.helpers import committed
from tests.helpers import csrf_token


def count_entries() -> int:
    """How many entries the database holds, as the next request would see it."""
    return committed(select(func.count()).select_from(GuestbookEntry)).one()


def test_form_is_shown_with_labelled_fields(signed_in):
    """GET shows both fields, each with its label."""
    page = signed_in.get("/guestbook/new").get_data(as_text=True)
    assert '<label for="name">Name</label>' in page
    assert '<label for="message">Message</label>' in page


def test_signing_saves_the_entry_and_lists_it_first(signed_in, user):
    """A valid POST commits the entry as the user's, answers 303 and the list shows it."""
    user_id = user.id
    response = signed_in.post("/guestbook/new", data={"name": " Ada ", "message": "Hi there"})
    assert response.status_code == 303
    assert response.headers["Location"] == "/guestbook/"
    entry = committed(select(GuestbookEntry)).one()
    assert (entry.name, entry.message, entry.author_id) == ("Ada", "Hi there", user_id)
    assert entry.created_at is not None
    page = signed_in.get("/guestbook/").get_data(as_text=True)
    assert "Thank you for signing the guestbook!" in page
    assert "Hi there" in page


def test_each_entry_gets_its_own_creation_time(signed_in):
    """created_at is computed per row, not once at import."""
    signed_in.post("/guestbook/new", data={"name": "Ada", "message": "first"})
    signed_in.post("/guestbook/new", data={"name": "Ada", "message": "second"})
    first, second = committed(select(GuestbookEntry.created_at).order_by(GuestbookEntry.id))
    assert first < second


def test_the_longest_allowed_values_are_accepted(signed_in):
    """Values exactly at the limits fit the columns, on every database."""
    data = {"name": "n" * NAME_MAX_LENGTH, "message": "m" * MESSAGE_MAX_LENGTH}
    assert signed_in.post("/guestbook/new", data=data).status_code == 303
    assert count_entries() == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"name": "", "message": "Hi"}, "Please enter your name."),
        ({"name": "Ada", "message": "   "}, "Please write a message."),
        ({"message": "Hi"}, "Please enter your name."),
        (
            {"name": "n" * (NAME_MAX_LENGTH + 1), "message": "Hi"},
            f"Field cannot be longer than {NAME_MAX_LENGTH} characters.",
        ),
        (
            {"name": "Ada", "message": "m" * (MESSAGE_MAX_LENGTH + 1)},
            f"Field cannot be longer than {MESSAGE_MAX_LENGTH} characters.",
        ),
    ],
)
def test_invalid_entries_are_refused_and_nothing_is_saved(signed_in, data, message):
    """Empty or over-long fields get 400 with the reason, and no row is written."""
    response = signed_in.post("/guestbook/new", data=data)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert count_entries() == 0


@pytest.mark.options(wtf_csrf_enabled=True)
def test_signing_without_a_csrf_token_saves_nothing(signed_in):
    """A cross-site POST without the token is refused and writes nothing."""
    response = signed_in.post("/guestbook/new", data={"name": "Eve", "message": "forged"})
    assert response.status_code == 400
    assert count_entries() == 0


@pytest.mark.options(wtf_csrf_enabled=True)
def test_signing_with_the_token_from_the_page_saves_the_entry(signed_in):
    """The token from the rendered form lets the entry through."""
    token = csrf_token(signed_in.get("/guestbook/new"))
    data = {"name": "Ada", "message": "Hi", "csrf_token": token}
    assert signed_in.post("/guestbook/new", data=data).status_code == 303
    assert count_entries() == 1


def test_text_a_database_cannot_store_is_refused(signed_in):
    """A NUL character (PostgreSQL rejects it) gets a message, not a database error."""
    response = signed_in.post("/guestbook/new", data={"name": "A\x00da", "message": "Hi"})
    assert response.status_code == 400
    assert "Remove the invisible NUL character." in response.get_data(as_text=True)
    assert count_entries() == 0


def test_a_file_sent_in_place_of_a_text_field_is_refused_and_nothing_is_saved(signed_in):
    """A multipart upload named like a field is no text: 400 beside the field, not a 500."""
    upload = (io.BytesIO(b"not text"), "message.txt")
    response = signed_in.post("/guestbook/new", data={"name": "Ada", "message": upload})
    assert response.status_code == 400
    assert "Please write a message." in response.get_data(as_text=True)
    assert count_entries() == 0
