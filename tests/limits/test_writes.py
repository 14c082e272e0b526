"""Writes: 30 a minute from one address, to any page; writes refused for a wrong token: 10 a
minute.
"""

from app.errors import PLAIN_MESSAGES
from tests.limits.helpers import RIGHT_PASSWORD, RIGHT_TOKEN, attempt, from_address

WRITE_METHODS = ["POST", "PUT", "PATCH", "DELETE"]


def test_the_thirty_first_write_from_one_address_in_a_minute_gets_429(limited_app):
    client = limited_app.test_client()
    assert [client.post("/write").status_code for _ in range(30)] == [201] * 30
    assert client.post("/write").status_code == 429
    assert client.post("/write", environ_base=from_address("192.0.2.1")).status_code == 201


def test_every_write_method_on_every_route_counts_against_the_one_total(limited_app):
    client = limited_app.test_client()
    right = {"Authorization": f"Bearer {RIGHT_TOKEN}"}
    statuses = [client.open("/write", method=method).status_code for method in WRITE_METHODS * 5]
    statuses += [client.post("/token-write", headers=right).status_code for _ in range(5)]
    statuses += [attempt(client, "ada@example.com", RIGHT_PASSWORD) for _ in range(5)]
    assert statuses == [201] * 25 + [200] * 5
    assert client.delete("/write").status_code == 429
    assert client.post("/token-write", headers=right).status_code == 429


def test_reading_is_not_writing(limited_app):
    client = limited_app.test_client()
    for _ in range(35):
        assert client.get("/write").status_code == 200
    assert client.post("/write").status_code == 201


def test_the_eleventh_wrong_token_in_a_minute_gets_429_as_a_json_error(limited_app):
    client = limited_app.test_client()
    guess = {"Accept": "application/json", "Authorization": "Bearer guess"}
    statuses = [client.post("/token-write", headers=guess).status_code for _ in range(10)]
    assert statuses == [401] * 10
    response = client.post("/token-write", headers=guess)
    assert response.status_code == 429
    assert response.json == {"error": {"status": 429, "message": PLAIN_MESSAGES[429], "fields": {}}}
    assert 0 < int(response.headers["Retry-After"]) <= 60
    # The address is stopped, the right token with it, until the minute is over.
    right = {"Authorization": f"Bearer {RIGHT_TOKEN}"}
    assert client.post("/token-write", headers=right).status_code == 429
    elsewhere = from_address("192.0.2.1")
    assert client.post("/token-write", headers=right, environ_base=elsewhere).status_code == 201


def test_writes_with_the_right_token_count_only_as_writes(limited_app):
    client = limited_app.test_client()
    right = {"Authorization": f"Bearer {RIGHT_TOKEN}"}
    statuses = [client.post("/token-write", headers=right).status_code for _ in range(30)]
    assert statuses == [201] * 30
    assert client.post("/token-write", headers=right).status_code == 429
