"""A burst of wrong sign-ins, served by gunicorn with one database connection per worker: no
one gets a 503, and readers are still served. That checking a password holds no connection is
proven in process (test_hashing.py); with few threads this could pass without it.

Run with `-s` to see the readers' wait, which docs/accounts.md quotes.
"""

import secrets
import statistics
import threading
import time

import flask_migrate
import pytest
import requests

from tests.accounts.fixtures import PASSWORD
from tests.helpers import CSRF_INPUT
from tests.live import Browser, gunicorn_server, production_environ

pytestmark = pytest.mark.servers

SIGN_INS = 20
READERS = 4
READ_EVERY = 0.05  # seconds between a reader's pages


@pytest.fixture
def database_url(make_app, make_database, postgres_server_url) -> str:
    """A new migrated PostgreSQL database: SQLite has no pool for the settings to shrink."""
    url = make_database(postgres_server_url)
    with make_app(database_url=url).app_context():
        flask_migrate.upgrade()
    return url


def browser_on(page_url: str, address: str) -> tuple[Browser, str]:
    """A browser from `address` that opened `page_url`, and the CSRF token of its form."""
    browser = Browser()
    browser.headers["X-Forwarded-For"] = address  # each its own client, as behind nginx
    page = browser.get(page_url, timeout=30)
    assert page.status_code == 200
    return browser, CSRF_INPUT.search(page.text).group(1)


def signed_up_reader(server: str, n: int) -> Browser:
    """A browser signed in to an account of its own."""
    browser, token = browser_on(f"{server}/account/sign-up", f"10.1.0.{n}")
    form = {"email": f"reader{n}@example.com", "password": PASSWORD, "confirm": PASSWORD}
    answer = browser.post(
        f"{server}/account/sign-up", {**form, "csrf_token": token}, allow_redirects=False
    )
    assert answer.status_code == 303
    return browser


def status_of(send, *args) -> int:
    """The status of the answer to `send(*args)`; 0 for none within 30 s."""
    try:
        return send(*args, allow_redirects=False, timeout=30).status_code
    except requests.RequestException:
        return 0


def test_a_burst_of_wrong_sign_ins_answers_no_503_and_readers_are_served(database_url, tmp_path):
    environ = {
        **production_environ(database_url),
        "PROXY_FIX_X_FOR": "1",
        "DB_POOL_SIZE": "1",
        "DB_MAX_OVERFLOW": "0",
        "DB_POOL_TIMEOUT": "1",
    }
    with gunicorn_server(environ, tmp_path / "gunicorn.log") as server:
        readers = [signed_up_reader(server, n) for n in range(READERS)]
        guessers = [browser_on(f"{server}/account/sign-in", f"10.2.{n}.1") for n in range(SIGN_INS)]
        burst_over = threading.Event()
        start = threading.Barrier(SIGN_INS + READERS)
        reads: list[tuple[int, float]] = []
        guesses: list[int] = []

        def read(browser: Browser) -> None:
            start.wait()
            while not burst_over.wait(READ_EVERY):
                began = time.monotonic()
                reads.append(
                    (status_of(browser.get, f"{server}/account/"), time.monotonic() - began)
                )

        def guess(browser: Browser, token: str) -> None:
            form = {"email": f"{secrets.token_hex(6)}@example.com", "password": "wrong"}
            start.wait()
            sign_in = f"{server}/account/sign-in"
            guesses.append(status_of(browser.post, sign_in, {**form, "csrf_token": token}))

        threads = [threading.Thread(target=read, args=(b,)) for b in readers]
        threads += [threading.Thread(target=guess, args=g) for g in guessers]
        for thread in threads:
            thread.start()
        for thread in threads[READERS:]:
            thread.join()
        burst_over.set()
        for thread in threads[:READERS]:
            thread.join()

    waits = [seconds for _, seconds in reads]
    print(
        f"\n{SIGN_INS} wrong sign-ins at once: readers waited {statistics.median(waits):.3f} s "
        f"median, {max(waits):.3f} s at most ({len(waits)} reads)"
    )
    log = (tmp_path / "gunicorn.log").read_text().splitlines()
    why = "\n".join(line for line in log if "Database" in line or "ERROR" in line)
    assert guesses == [400] * SIGN_INS, why
    assert {status for status, _ in reads} == {200}, why
