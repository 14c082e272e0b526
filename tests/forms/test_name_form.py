"""The name form: validation, CSRF, and POST-redirect-GET."""

import io

import pytest
from werkzeug.datastructures import MultiDict

from app.forms.name_form import NAME_MAX_LENGTH, NameForm
from tests.helpers import HOSTILE_INPUTS, assert_shown_as_text, csrf_token


def test_form_is_shown_with_a_labelled_field(client):
    """GET shows the form, its label tied to its input."""
    response = client.get("/submit")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert '<label for="name">Your name</label>' in page
    assert 'id="name"' in page


def test_valid_name_redirects_with_303_then_greets(client):
    """A valid POST answers 303 to the form; the next GET shows the greeting once."""
    response = client.post("/submit", data={"name": "  Ada  "})
    assert response.status_code == 303
    assert response.headers["Location"] == "/submit"
    page = client.get("/submit").get_data(as_text=True)
    assert "Hello, Ada! Your form passed validation." in page
    assert "Hello, Ada!" not in client.get("/submit").get_data(as_text=True)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "Please enter your name."),
        ("   ", "Please enter your name."),
        ("x" * (NAME_MAX_LENGTH + 1), f"Field cannot be longer than {NAME_MAX_LENGTH} characters."),
    ],
)
def test_invalid_name_is_refused_with_400_and_a_message(client, name, message):
    """An empty or over-long name re-shows the form with the reason, marked invalid."""
    response = client.post("/submit", data={"name": name})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert message in page
    assert 'aria-invalid="true"' in page


def test_greeting_escapes_markup(client):
    """A name with markup comes back as text in the flashed greeting."""
    client.post("/submit", data={"name": "<b>Ada</b>"})
    page = client.get("/submit").get_data(as_text=True)
    assert "Hello, &lt;b&gt;Ada&lt;/b&gt;!" in page


@pytest.mark.options(wtf_csrf_enabled=True)
def test_post_with_a_wrong_token_is_refused(client):
    """A forged token is refused like a missing one."""
    client.get("/submit")
    response = client.post("/submit", data={"name": "Ada", "csrf_token": "forged"})
    assert response.status_code == 400
    assert "did not come from this site" in response.get_data(as_text=True)


@pytest.mark.options(wtf_csrf_enabled=True)
def test_post_with_the_token_from_the_page_succeeds(client):
    """The token read from the rendered form is accepted."""
    token = csrf_token(client.get("/submit"))
    response = client.post("/submit", data={"name": "Ada", "csrf_token": token})
    assert response.status_code == 303


@pytest.mark.options(wtf_csrf_enabled=True)
def test_csrf_failure_is_explained_in_plain_words(client):
    """A form sent without its token gets a 400 that says what happened and what to do."""
    response = client.post("/submit", data={"name": "Ada"})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "This form has expired or did not come from this site" in page
    assert "CSRF" not in page


@pytest.mark.parametrize("payload", HOSTILE_INPUTS)
def test_the_name_form_greeting_is_escaped(client, payload):
    """The flashed greeting, and the form re-shown with errors, keep markup as text."""
    client.post("/submit", data={"name": payload})
    assert_shown_as_text(client.get("/submit").get_data(as_text=True), payload.strip())
    too_long = payload + "x" * 60
    assert_shown_as_text(
        client.post("/submit", data={"name": too_long}).get_data(as_text=True), too_long
    )


def test_the_home_page_and_the_header_link_to_the_form(client):
    """The form is one click from anywhere."""
    assert client.get("/").get_data(as_text=True).count('href="/submit"') == 2


def test_an_app_can_still_turn_the_default_csrf_check_off(make_app):
    """WTF_CSRF_CHECK_DEFAULT = False keeps its Flask-WTF meaning: no check before the view.

    The view runs and its form refuses the missing token itself: the form comes back,
    not the CSRF error page.
    """
    client = make_app(WTF_CSRF_ENABLED=True, WTF_CSRF_CHECK_DEFAULT=False).test_client()
    response = client.post("/submit", data={"name": "Ada"})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "did not come from this site" not in page
    assert '<form method="post" action="/submit"' in page


@pytest.mark.parametrize(
    ("text", "message"),
    [("a\x00b", "Remove the invisible NUL character."), ("\ud800", "Use only valid Unicode")],
)
def test_text_a_database_cannot_store_is_refused(app, text, message):
    """NUL (PostgreSQL refuses it) and lone surrogates (JSON can carry them) fail validation."""
    form = NameForm(formdata=MultiDict({"name": text}), meta={"csrf": False})
    assert not form.validate()
    assert form.name.errors[0].startswith(message)


def test_a_file_sent_in_place_of_the_name_is_refused_with_400(client):
    """A multipart upload named `name` is no name: the form says so, with a 400."""
    response = client.post("/submit", data={"name": (io.BytesIO(b"Ada"), "name.txt")})
    assert response.status_code == 400
    assert "Please enter your name." in response.get_data(as_text=True)


@pytest.mark.parametrize("body", ["[1, 2]", '"Ada"', "3", "{not json", "[" * 10_000])
def test_a_json_body_that_is_not_an_object_gets_400_in_the_layout(client, body):
    """Flask-WTF reads JSON as the form's fields: anything but an object is refused, not a 500."""
    response = client.post("/submit", data=body, content_type="application/json")
    assert response.status_code == 400
    assert 'class="site-nav"' in response.get_data(as_text=True)


def test_a_json_object_is_read_as_the_form_s_fields(client):
    """An object is what Flask-WTF expects: it validates like the form it stands for."""
    response = client.post("/submit", json={"name": "Ada"})
    assert response.status_code == 303
