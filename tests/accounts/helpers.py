"""Helpers for the accounts tests: forms posted as a browser posts them, and what pages say."""

from datetime import timedelta
from html.parser import HTMLParser

from sqlalchemy import select

from app.accounts import sessions
from app.accounts.models import User, UserSession
from app.database.models import utc_now
from tests.accounts.fixtures import PASSWORD
from tests.database.helpers import committed

# A password the tests choose on sign-up or on a change (PASSWORD is the fixtures' one).
NEW_PASSWORD = "a brand new passphrase"


def sign_in(client, email="ada@example.com", password=PASSWORD, query=None, **fields):
    """POST the sign-in form, as a browser on the sign-in page does."""
    data = {"email": email, "password": password, **fields}
    return client.post("/account/sign-in", data=data, query_string=query)


def sign_up(client, email="ada@example.com", password=NEW_PASSWORD, confirm=None, query=None):
    """POST the sign-up form; `confirm` repeats the password unless given."""
    data = {
        "email": email,
        "password": password,
        "confirm": password if confirm is None else confirm,
    }
    return client.post("/account/sign-up", data=data, query_string=query)


def is_signed_in(client) -> bool:
    """True if `client`'s next request is a signed-in one (the account page answers 200)."""
    status = client.get("/account/").status_code
    assert status in (200, 302)
    return status == 200


def later(monkeypatch, ahead: timedelta) -> None:
    """Move the clock that sign-in sessions are opened and checked by, `ahead` of now."""
    moved = utc_now() + ahead
    monkeypatch.setattr(sessions, "utc_now", lambda: moved)


def committed_sessions() -> list[UserSession]:
    """Every sign-in session the database holds, oldest first."""
    return list(committed(select(UserSession).order_by(UserSession.id)))


def committed_users() -> list[User]:
    """Every account the database holds, as the next request would see them."""
    return list(committed(select(User).order_by(User.id)))


def committed_user(email: str) -> User | None:
    """The committed account with `email`, if there is one."""
    return committed(select(User).where(User.email == email)).one_or_none()


class FormPage(HTMLParser):
    """A page's form fields by id, the error lists beside them, and its alerts."""

    def __init__(self, page: str):
        """Parse `page`."""
        super().__init__()
        self.fields: dict[str, dict[str, str | None]] = {}
        self.error_lists: dict[str, list[str]] = {}
        self.alerts: list[str] = []
        self._texts: list[str] | None = None
        self.feed(page)
        self.close()

    def handle_starttag(self, tag, attrs):
        """Keep inputs by id; start collecting the text of error lists and alerts."""
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        if tag == "input" and "id" in attributes:
            self.fields[attributes["id"]] = attributes
        elif tag == "ul" and "field-errors" in classes:
            self._texts = self.error_lists.setdefault(attributes["id"], [])
        elif tag == "li" and self._texts is not None:
            self._texts.append("")
        elif tag == "p" and attributes.get("role") == "alert":
            self.alerts.append("")
            self._texts = self.alerts

    def handle_endtag(self, tag):
        """Stop collecting at the end of a list or an alert."""
        if tag in ("ul", "p"):
            self._texts = None

    def handle_data(self, data):
        """Add text to the message being collected."""
        if self._texts:
            self._texts[-1] += data


def field_errors(response, field_id: str) -> list[str]:
    """The messages shown beside field `field_id`, checking the markup that ties them to it.

    A field with errors is aria-invalid and described by its error list; one without has
    neither.
    """
    page = FormPage(response.get_data(as_text=True))
    field = page.fields[field_id]
    errors = [text.strip() for text in page.error_lists.get(f"{field_id}-errors", [])]
    if errors:
        assert field.get("aria-invalid") == "true"
        assert field.get("aria-describedby") == f"{field_id}-errors"
    else:
        assert "aria-invalid" not in field
    return errors


def alerts(response) -> list[str]:
    """The form-wide error messages of a page (role="alert")."""
    return [text.strip() for text in FormPage(response.get_data(as_text=True)).alerts]
