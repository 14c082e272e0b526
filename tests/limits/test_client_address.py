"""Whose address is counted (and logged): the proxy's X-Forwarded-For only behind ProxyFix."""

import secrets

from config import Config


def attempt_via(client, forwarded_for: str) -> int:
    """The status of a failed sign-in (for a new account) claiming to be from `forwarded_for`."""
    form = {"email": f"{secrets.token_hex(4)}@example.com", "password": "x"}
    headers = {"X-Forwarded-For": forwarded_for}
    return client.post("/attempt", data=form, headers=headers).status_code


def logged_addresses(caplog) -> list[str]:
    """The client address of each request line logged so far."""
    return [r.getMessage().split()[0] for r in caplog.records if r.name == "app"]


def test_behind_proxyfix_each_forwarded_address_is_counted_and_logged(make_limited_app, caplog):
    app = make_limited_app(PROXY_FIX=Config({"PROXY_FIX_X_FOR": "1"}).PROXY_FIX)
    client = app.test_client()  # every request comes from the proxy, 127.0.0.1
    assert [attempt_via(client, "198.51.100.1") for _ in range(10)] == [400] * 10
    assert attempt_via(client, "198.51.100.1") == 429
    assert attempt_via(client, "198.51.100.2") == 400
    assert logged_addresses(caplog) == ["198.51.100.1"] * 11 + ["198.51.100.2"]


def test_without_proxyfix_a_forged_forwarded_address_dodges_nothing(limited_app, caplog):
    client = limited_app.test_client()
    statuses = [attempt_via(client, f"198.51.100.{n}") for n in range(11)]
    assert statuses == [400] * 10 + [429]
    assert logged_addresses(caplog) == ["127.0.0.1"] * 11
