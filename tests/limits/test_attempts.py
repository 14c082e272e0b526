"""Password attempts (sign-in, sign-up): 10 a minute from one address, and 10 failures (11
tries) a minute naming one account from anywhere; the next gets 429 with Retry-After. Pages
that send an email: 5 an hour naming one email address, from anywhere.
"""

import threading
import time

from flask import request

from app.errors import PLAIN_MESSAGES
from tests.limits.helpers import RIGHT_PASSWORD, attempt, from_address


def retry_after(response) -> int:
    """The Retry-After header, which must be a whole number of seconds."""
    value = response.headers["Retry-After"]
    assert value.isdecimal(), value
    return int(value)


def test_the_eleventh_attempt_from_one_address_in_a_minute_gets_429_in_the_layout(limited_app):
    client = limited_app.test_client()
    statuses = [attempt(client, f"person{n}@example.com", address="192.0.2.1") for n in range(10)]
    assert statuses == [400] * 10
    form = {"email": "ada@example.com", "password": RIGHT_PASSWORD}
    response = client.post("/attempt", data=form, environ_base=from_address("192.0.2.1"))
    assert response.status_code == 429
    assert 0 < retry_after(response) <= 60
    page = response.get_data(as_text=True)
    assert PLAIN_MESSAGES[429] in page
    assert '<nav class="site-nav"' in page  # the site's layout, not Werkzeug's bare page


def test_another_address_is_counted_apart(limited_app):
    client = limited_app.test_client()
    for n in range(11):
        attempt(client, f"person{n}@example.com", address="192.0.2.1")
    assert attempt(client, "person0@example.com", address="192.0.2.2") == 400
    assert attempt(client, "person1@example.com", address="192.0.2.1") == 429


def test_showing_the_form_is_not_an_attempt(limited_app):
    client = limited_app.test_client()
    for _ in range(15):
        assert client.get("/attempt").status_code == 200
    assert attempt(client, "ada@example.com") == 400


def test_ten_failures_naming_one_account_from_ten_addresses_stop_the_eleventh_anywhere(
    limited_app,
):
    client = limited_app.test_client()
    statuses = [attempt(client, "ada@example.com", address=f"192.0.2.{n}") for n in range(10)]
    assert statuses == [400] * 10
    assert attempt(client, "ada@example.com", RIGHT_PASSWORD, address="198.51.100.1") == 429
    # The same fresh address may still sign in to another account.
    assert attempt(client, "grace@example.com", RIGHT_PASSWORD, address="198.51.100.1") == 200


def test_the_account_is_named_as_typed_in_any_case_and_spacing(limited_app):
    client = limited_app.test_client()
    spellings = ["ada@example.com", "ADA@example.com", " Ada@Example.com ", "ada@EXAMPLE.COM"]
    for n in range(10):
        assert attempt(client, spellings[n % 4], address=f"192.0.2.{n}") == 400
    assert attempt(client, "ada@example.com", address="198.51.100.1") == 429


def test_successful_attempts_are_tries_but_not_failures(limited_app):
    client = limited_app.test_client()
    for n in range(10):
        assert attempt(client, "ada@example.com", RIGHT_PASSWORD, address=f"192.0.2.{n}") == 200
    assert attempt(client, "ada@example.com", address="198.51.100.1") == 400  # no failure yet
    assert attempt(client, "ada@example.com", RIGHT_PASSWORD, address="198.51.100.2") == 429


def test_thirty_guesses_at_one_account_sent_at_once_check_at_most_eleven_passwords(
    make_limited_app,
):
    """Each guess is counted as it arrives, not once answered: a burst can't outrun the count."""
    app = make_limited_app(RATELIMIT_ACCOUNT_PAGES=["slow_attempt"])
    checked: list[str] = []

    @app.post("/slow-attempt")
    def slow_attempt():
        """A sign-in whose password check (a slow hash) takes a while: always wrong here."""
        checked.append(request.form["password"])
        time.sleep(0.05)
        return "refused", 400

    start = threading.Barrier(30)
    statuses: list[int] = []

    def guess(number: int) -> None:
        """Send one wrong guess from an address of its own, together with the others."""
        client = app.test_client()
        start.wait()
        form = {"email": "ada@example.com", "password": f"guess {number}"}
        environ = from_address(f"192.0.2.{number}")
        statuses.append(client.post("/slow-attempt", data=form, environ_base=environ).status_code)

    guesses = [threading.Thread(target=guess, args=(number,)) for number in range(30)]
    for thread in guesses:
        thread.start()
    for thread in guesses:
        thread.join()
    assert len(checked) <= 11
    assert len(checked) >= 10  # the ten failures allowed (an eleventh, if it came first)
    assert sorted(statuses) == [400] * len(checked) + [429] * (30 - len(checked))


def test_a_sign_in_sent_as_json_counts_for_the_account_it_names(limited_app):
    """The form reads a JSON body too, so the limits read its email there."""
    client = limited_app.test_client()
    for n in range(10):
        json = {"email": " ADA@example.com", "password": "wrong"}
        assert (
            client.post(
                "/attempt", json=json, environ_base=from_address(f"192.0.2.{n}")
            ).status_code
            == 400
        )
    assert attempt(client, "ada@example.com", RIGHT_PASSWORD, address="198.51.100.1") == 429
    # Other accounts are counted apart, as they are from forms.
    json = {"email": "grace@example.com", "password": RIGHT_PASSWORD}
    assert (
        client.post("/attempt", json=json, environ_base=from_address("198.51.100.1")).status_code
        == 200
    )


def test_a_post_that_names_no_account_touches_no_accounts_count(limited_app, caplog):
    """No email: no password is checked, and no account's count is touched (nor an empty one)."""
    client = limited_app.test_client()
    bodies = [{"data": {"password": "wrong"}}, {"json": ["not", "an", "object"]}, {"data": "x"}]
    for n in range(12):
        body = bodies[n % 3]
        response = client.post("/attempt", environ_base=from_address(f"192.0.2.{n}"), **body)
        assert response.status_code == 400
    assert attempt(client, "ada@example.com", RIGHT_PASSWORD, address="198.51.100.1") == 200
    assert "Skipping limit" not in caplog.text


def test_only_the_pages_named_in_the_settings_count_attempts(make_limited_app):
    client = make_limited_app(RATELIMIT_ACCOUNT_PAGES=["write"]).test_client()
    statuses = [attempt(client, "ada@example.com", address="192.0.2.1") for _ in range(15)]
    assert statuses == [400] * 15  # /attempt is no account page here: each is only a write
    form = {"email": "ada@example.com"}
    assert [client.post("/write", data=form).status_code for _ in range(10)] == [201] * 10
    assert client.post("/write", data=form).status_code == 429


def test_the_sixth_post_in_an_hour_naming_one_email_to_a_page_that_sends_one_gets_429(
    make_limited_app,
):
    client = make_limited_app(RATELIMIT_MAIL_PAGES=["attempt"]).test_client()
    statuses = [
        attempt(client, "ada@example.com", RIGHT_PASSWORD, address=f"192.0.2.{n}") for n in range(5)
    ]
    assert statuses == [200] * 5  # answered, and counted whatever the answer
    assert attempt(client, " ADA@example.com", RIGHT_PASSWORD, address="198.51.100.1") == 429
    assert attempt(client, "grace@example.com", RIGHT_PASSWORD, address="198.51.100.1") == 200
