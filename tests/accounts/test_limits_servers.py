"""Served by gunicorn: servers that share a Redis share the counts; without Redis each counts
alone, and says so in its log.
"""

import re
import secrets

import flask_migrate
import pytest

from tests.helpers import CSRF_INPUT
from tests.live import Browser, free_port, gunicorn_server, production_environ

pytestmark = pytest.mark.servers

FALLBACK_LINE = re.compile(
    r"WARNING \[[0-9a-f]{32}\] flask-limiter: "
    r"Rate limit storage unreachable - falling back to in-memory storage$"
)


@pytest.fixture(scope="module")
def database_url(make_app) -> str:
    """A migrated database for the servers of this module."""
    app = make_app()
    with app.app_context():
        flask_migrate.upgrade()
    return app.config["SQLALCHEMY_DATABASE_URI"]


def failed_sign_ins(browser: Browser, servers: list[str], email: str) -> list[int]:
    """The statuses of wrong-password sign-ins naming `email`, sent to each of `servers` in
    turn, with the CSRF token a browser would have from the sign-in page.
    """
    token = CSRF_INPUT.search(browser.get(f"{servers[0]}/account/sign-in").text).group(1)
    form = {"email": email, "password": "wrong", "csrf_token": token}
    return [
        browser.post(f"{server}/account/sign-in", form, allow_redirects=False).status_code
        for server in servers
    ]


def test_two_servers_count_sign_ins_together_in_redis(database_url, redis_url, tmp_path):
    environ = {
        **production_environ(database_url),
        "RATELIMIT_STORAGE_URI": redis_url,
        "PROXY_FIX_X_FOR": "1",  # as behind nginx
    }
    browser = Browser()
    # This run's own client address and account, so runs that share the Redis count apart.
    browser.headers["X-Forwarded-For"] = f"10.{secrets.randbelow(250)}.0.{secrets.randbelow(250)}"
    email = f"{secrets.token_hex(6)}@example.com"
    with (
        gunicorn_server(environ, tmp_path / "a.log") as server_a,
        gunicorn_server(environ, tmp_path / "b.log") as server_b,
    ):
        statuses = failed_sign_ins(browser, [server_a, server_b] * 6, email)
    assert statuses == [400] * 10 + [429, 429]


def test_a_server_whose_redis_is_away_starts_counts_alone_and_logs_it(database_url, tmp_path):
    nowhere = f"redis://127.0.0.1:{free_port()}/0"
    environ = {**production_environ(database_url), "RATELIMIT_STORAGE_URI": nowhere}
    log_path = tmp_path / "gunicorn.log"
    with gunicorn_server(environ, log_path, workers=1) as server:
        statuses = failed_sign_ins(Browser(), [server] * 11, "ada@example.com")
    assert statuses == [400] * 10 + [429]
    [warning] = [line for line in log_path.read_text().splitlines() if "flask-limiter" in line]
    assert FALLBACK_LINE.search(warning), warning
