"""Several stateless app servers on one database, as the kit runs once it outgrows a machine.

Two gunicorn servers share a SECRET_KEY and a database (PostgreSQL when the suite runs
with TEST_DATABASE_URL). Nothing lives in a process: a visitor can land on either server.
"""

import threading
import time
import uuid
from collections import Counter

import flask_migrate
import pytest
import requests
from sqlalchemy import func, select

from app.database import db
from app.guestbook.models import GuestbookEntry
from tests.accounts.fixtures import PASSWORD
from tests.helpers import CSRF_INPUT
from tests.live import Browser, gunicorn_server, production_environ

pytestmark = pytest.mark.servers

WRITERS = 16
WRITE_SECONDS = 4


@pytest.fixture(scope="module")
def cluster(make_app, tmp_path_factory):
    """Two gunicorn servers (2 workers each) on one migrated database; yields (app, a, b)."""
    app = make_app()
    with app.app_context():
        flask_migrate.upgrade()
    environ = production_environ(app.config["SQLALCHEMY_DATABASE_URI"])  # one key for both
    # Every writer here comes from one address and would soon meet the limits layer's write
    # limit; the limits have tests of their own.
    environ["RATELIMIT_ENABLED"] = "false"
    logs = tmp_path_factory.mktemp("gunicorn")
    with (
        gunicorn_server(environ, logs / "a.log") as server_a,
        gunicorn_server(environ, logs / "b.log") as server_b,
    ):
        yield app, server_a, server_b


def entry_count(app) -> int:
    """Rows in the guestbook, read through a connection of its own."""
    with app.app_context(), db.engine.connect() as connection:
        return connection.scalar(select(func.count()).select_from(GuestbookEntry))


def token_from(browser: Browser, url: str) -> str:
    """The CSRF token of the form at `url`, read from the page as a browser would."""
    return CSRF_INPUT.search(browser.get(url).text).group(1)


def signed_up(server: str) -> Browser:
    """A browser signed in to a new account of its own, made through `server`."""
    browser = Browser()
    form = {
        "email": f"{uuid.uuid4().hex}@example.com",
        "password": PASSWORD,
        "confirm": PASSWORD,
        "csrf_token": token_from(browser, f"{server}/account/sign-up"),
    }
    answer = browser.post(f"{server}/account/sign-up", form, allow_redirects=False)
    assert answer.status_code == 303
    return browser


def test_a_session_and_csrf_token_from_one_server_work_on_the_other(cluster):
    """Token and session cookie from A are accepted by B; B shows the flash A set."""
    _, server_a, server_b = cluster
    browser = Browser()
    token = token_from(browser, f"{server_a}/submit")
    form = {"name": "Ada", "csrf_token": token}
    assert browser.post(f"{server_b}/submit", form, allow_redirects=False).status_code == 303
    browser.post(
        f"{server_a}/submit", {"name": "Grace", "csrf_token": token}, allow_redirects=False
    )
    assert "Hello, Grace!" in browser.get(f"{server_b}/submit").text


def test_an_entry_written_through_one_server_is_listed_by_the_other_at_once(cluster):
    """No cache in a process: B lists what A committed a moment ago, for an account made on B."""
    _, server_a, server_b = cluster
    browser = signed_up(server_b)
    token = token_from(browser, f"{server_a}/guestbook/new")
    form = {"name": "Ada", "message": "written through A", "csrf_token": token}
    answer = browser.post(f"{server_a}/guestbook/new", form, allow_redirects=False)
    assert answer.status_code == 303
    assert "written through A" in requests.get(f"{server_b}/guestbook/", timeout=15).text


def test_concurrent_writers_on_both_servers_lose_nothing(cluster):
    """16 writers split over both servers for a bounded time: no 5xx, every 303 is a row."""
    app, server_a, server_b = cluster
    before = entry_count(app)
    statuses = Counter()
    lock = threading.Lock()
    servers = [server_a if n % 2 else server_b for n in range(WRITERS)]
    # Each writer signs up through the other server, before the clock starts.
    browsers = [signed_up(server_b if server == server_a else server_a) for server in servers]
    deadline = time.monotonic() + WRITE_SECONDS

    def write(server: str, writer: int) -> None:
        """Sign the guestbook through `server` until the deadline, counting each answer."""
        browser = browsers[writer]
        token = token_from(browser, f"{server}/guestbook/new")
        sent = 0
        while time.monotonic() < deadline:
            sent += 1
            form = {"name": f"writer {writer}", "message": f"entry {sent}", "csrf_token": token}
            answer = browser.post(f"{server}/guestbook/new", form, allow_redirects=False)
            status = answer.status_code
            with lock:
                statuses[status] += 1

    threads = [threading.Thread(target=write, args=(server, n)) for n, server in enumerate(servers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=WRITE_SECONDS + 60)
    assert not any(thread.is_alive() for thread in threads)
    assert set(statuses) == {303}, f"every write should succeed, got {dict(statuses)}"
    assert entry_count(app) - before == statuses[303]
