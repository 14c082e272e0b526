"""Sign in: the right password starts a fresh session; a mistake says nothing about who exists."""

import pytest

from app.accounts.models import EMAIL_MAX_LENGTH, PASSWORD_MAX_LENGTH
from tests.accounts.fixtures import PASSWORD
from tests.accounts.helpers import alerts, field_errors, is_signed_in, sign_in

WRONG_CREDENTIALS = "That email and password do not match an account."

pytestmark = pytest.mark.usefixtures("user")


def test_the_form_is_shown_with_its_fields(client):
    response = client.get("/account/sign-in")
    assert response.status_code == 200
    assert field_errors(response, "email") == []
    assert field_errors(response, "password") == []
    assert alerts(response) == []


@pytest.mark.parametrize("email", ["ada@example.com", "ADA@example.com", " Ada@Example.Com "])
def test_the_right_password_signs_in_with_the_email_in_any_case(client, email):
    response = sign_in(client, email=email)
    assert response.status_code == 303
    assert response.headers["Location"] == "/"
    assert "You are signed in." in client.get("/").get_data(as_text=True)
    assert is_signed_in(client)


def test_signing_in_drops_everything_planted_in_the_session_before(client, user):
    with client.session_transaction() as planted:
        planted["planted"] = "by someone else"
        planted["_user_id"] = "planted"
    planted_cookie = client.get_cookie("session").value
    sign_in(client)
    assert client.get_cookie("session").value != planted_cookie
    with client.session_transaction() as session:
        assert "planted" not in session
        assert session["_user_id"] == user.get_id()


@pytest.mark.parametrize(
    ("email", "password"),
    [("ada@example.com", "not the password"), ("nobody@example.com", PASSWORD)],
    ids=["wrong password", "unknown email"],
)
def test_a_wrong_password_or_an_unknown_email_gets_the_one_message(client, email, password):
    response = sign_in(client, email=email, password=password)
    assert response.status_code == 400
    assert alerts(response) == [WRONG_CREDENTIALS]
    assert field_errors(response, "email") == []
    assert field_errors(response, "password") == []
    assert not is_signed_in(client)


def test_the_two_mistakes_get_pages_that_differ_only_in_the_email_typed(client):
    wrong_password = sign_in(client, email="ada@example.com", password="not the password")
    unknown_email = sign_in(client, email="eve@example.com", password="not the password")
    assert wrong_password.status_code == unknown_email.status_code == 400
    assert wrong_password.get_data().replace(b"ada@", b"eve@") == unknown_email.get_data()


@pytest.mark.parametrize(
    ("email", "password", "field", "message"),
    [
        ("", PASSWORD, "email", "Please enter your email address."),
        ("ada", PASSWORD, "email", "Enter an email address like name@example.com."),
        (
            "a" * (EMAIL_MAX_LENGTH - 11) + "@example.com",
            PASSWORD,
            "email",
            "Field cannot be longer than 254 characters.",
        ),
        ("ada\x00@example.com", PASSWORD, "email", "Remove the invisible NUL character."),
        ("ada@example.com", "", "password", "Please enter your password."),
        (
            "ada@example.com",
            "p" * (PASSWORD_MAX_LENGTH + 1),
            "password",
            "Field cannot be longer than 200 characters.",
        ),
    ],
    ids=["empty email", "malformed email", "email too long", "NUL", "empty password", "too long"],
)
def test_a_mistake_in_the_form_is_refused_with_400_beside_its_field(
    client, email, password, field, message
):
    response = sign_in(client, email=email, password=password)
    assert response.status_code == 400
    assert field_errors(response, field) == [message]
    assert alerts(response) == []
    assert not is_signed_in(client)


@pytest.mark.parametrize(("path", "other"), [("sign-in", "sign-up"), ("sign-up", "sign-in")])
def test_each_form_keeps_next_and_links_to_the_other_with_it(client, path, other):
    page = client.get(f"/account/{path}?next=%2Fguestbook%2Fnew").get_data(as_text=True)
    assert f'action="/account/{path}?next=%2Fguestbook%2Fnew"' in page
    assert f'href="/account/{other}?next=/guestbook/new"' in page


@pytest.mark.parametrize("path", ["/account/sign-in", "/account/sign-up"])
@pytest.mark.parametrize(
    "query", ["endpoint=x", "_scheme=https", "_external=1", "_anchor=x", "next=/a&other=b"]
)
def test_other_query_parameters_stay_out_of_the_link_between_the_forms(client, path, query):
    response = client.get(f"{path}?{query}")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert 'href="http' not in page
    assert "#x" not in page
    assert "other=b" not in page.split('class="form"')[1].split("</form>")[1]
