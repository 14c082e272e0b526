"""The sign-in and sign-up pages are the account pages the limits name by default: each POST
there is an attempt, and each refused one a failure for the account it names (see
tests/limits/test_attempts.py). Like any POST, each is a write too.
"""

from app.errors import PLAIN_MESSAGES
from tests.accounts.fixtures import PASSWORD, make_user
from tests.limits.helpers import from_address

ADA, GRACE = "ada@example.com", "grace@example.com"


def with_accounts(site, *emails: str):
    """`site`, with an account (password: PASSWORD) for each of `emails`."""
    with site.app_context():
        for email in emails:
            make_user(email)
    return site


def sign_in(client, email: str, password: str = "wrong", address: str = "127.0.0.1"):
    """The answer to a sign-in from `address`."""
    form = {"email": email, "password": password}
    return client.post("/account/sign-in", data=form, environ_base=from_address(address))


def sign_up(client, email: str, confirm: str = PASSWORD, address: str = "127.0.0.1"):
    """The answer to a sign-up from `address` (refused unless `confirm` repeats PASSWORD)."""
    form = {"email": email, "password": PASSWORD, "confirm": confirm}
    return client.post("/account/sign-up", data=form, environ_base=from_address(address))


def test_the_eleventh_sign_in_from_one_address_in_a_minute_gets_the_429_page(limited_site):
    client = limited_site.test_client()
    for n in range(10):  # no password: refused at once, without the slow hashing
        assert sign_in(client, f"person{n}@example.com", "", "192.0.2.1").status_code == 400
    response = sign_in(client, "person10@example.com", "", "192.0.2.1")
    assert response.status_code == 429
    assert int(response.headers["Retry-After"]) > 0
    page = response.get_data(as_text=True)
    assert PLAIN_MESSAGES[429] in page
    assert 'href="/account/sign-in"' in page  # the site's layout, with its navigation
    assert sign_in(client, "person10@example.com", "", "192.0.2.2").status_code == 400


def test_failed_sign_ins_to_one_account_from_ten_addresses_stop_the_eleventh_anywhere(
    limited_site,
):
    client = with_accounts(limited_site, ADA, GRACE).test_client()
    for n in range(10):
        assert sign_in(client, ADA, address=f"192.0.2.{n}").status_code == 400
    assert sign_in(client, ADA, PASSWORD, address="198.51.100.1").status_code == 429
    assert sign_in(client, GRACE, PASSWORD, address="198.51.100.1").status_code == 303


def test_successful_sign_ins_do_not_count_against_the_account(limited_site):
    client = with_accounts(limited_site, ADA).test_client()
    for n in range(10):
        assert sign_in(client, ADA, PASSWORD, address=f"192.0.2.{n}").status_code == 303
    assert sign_in(client, ADA, address="198.51.100.1").status_code == 400  # not yet 429


def test_the_eleventh_sign_up_from_one_address_in_a_minute_gets_429(limited_site):
    client = limited_site.test_client()
    for n in range(10):
        refused = sign_up(client, f"person{n}@example.com", "typo", address="192.0.2.1")
        assert refused.status_code == 400
    assert sign_up(client, "person10@example.com", address="192.0.2.1").status_code == 429
    assert sign_up(client, "person10@example.com", address="192.0.2.2").status_code == 303


def test_refused_sign_ups_naming_one_email_from_ten_addresses_stop_the_eleventh(limited_site):
    client = limited_site.test_client()
    for n in range(10):
        assert sign_up(client, ADA, "typo", address=f"192.0.2.{n}").status_code == 400
    assert sign_up(client, ADA, address="198.51.100.1").status_code == 429
    assert sign_up(client, "someone@example.com", address="198.51.100.1").status_code == 303


def test_sign_ins_and_sign_outs_count_as_writes_too(limited_site):
    client = with_accounts(limited_site, ADA).test_client()
    statuses = [sign_in(client, ADA, PASSWORD).status_code for _ in range(9)]  # 9 attempts
    statuses += [client.post("/account/sign-out").status_code for _ in range(21)]
    assert statuses == [303] * 30
    assert client.post("/account/sign-out").status_code == 429
