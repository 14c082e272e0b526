"""The pages that send email, under the limits layer, where each POST is an attempt from its
address (10 a minute), and an email to the address it names (5 an hour, from anywhere).
"""

from flask import Flask

from tests.accounts.fixtures import ADA, client_of, make_user
from tests.limits.helpers import from_address


def forgot(client, email: str, address: str = "192.0.2.1") -> int:
    """The status of a "Forgot your password?" request for `email` from `address`."""
    form = {"email": email}
    return client.post("/account/forgot", data=form, environ_base=from_address(address)).status_code


def resend(site: Flask, address: str = "192.0.2.1") -> int:
    """The status of ADA's "Send the link again", from `address`."""
    with site.app_context():
        client = client_of(site, make_user(ADA))
    form = {"email": ADA}
    return client.post(
        "/account/confirm", data=form, environ_base=from_address(address)
    ).status_code


def test_the_eleventh_reset_request_from_one_address_in_a_minute_gets_429(limited_site):
    client = limited_site.test_client()
    statuses = [forgot(client, f"person{n}@example.com") for n in range(10)]
    assert statuses == [303] * 10
    assert forgot(client, "person10@example.com") == 429
    assert forgot(client, "person10@example.com", address="192.0.2.2") == 303


def test_the_sixth_email_to_one_address_in_an_hour_gets_429_whoever_asks(limited_site):
    client = limited_site.test_client()
    statuses = [forgot(client, ADA, address=f"192.0.2.{n}") for n in range(4)]
    statuses.append(resend(limited_site, address="192.0.2.9"))
    assert statuses == [303] * 5
    assert forgot(client, " Ada@Example.com ", address="198.51.100.1") == 429
    assert forgot(client, "grace@example.com", address="198.51.100.1") == 303
