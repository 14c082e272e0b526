"""A database that stops answering, without closing anything, behind production's nginx and
two gunicorn servers (tests/deploy/servers.py).
"""

import threading
import time

import flask_migrate
import pytest
import requests
from sqlalchemy import make_url

from tests.deploy.servers import HOST, AppServer, running_cluster
from tests.live import TcpProxy, production_environ

# gunicorn and nginx on PostgreSQL, behind a proxy that goes silent.
pytestmark = pytest.mark.servers

# gunicorn.conf.py gives each worker 4 threads; the pool at most 2 + 1 connections.
POOL_CAPACITY = 3


def ready(server: AppServer, answers: list[int] | None = None) -> None:
    """Ask `server` itself for /readyz, which needs a connection; note the status."""
    response = server_get(server, "/readyz")
    if answers is not None:
        answers.append(response)


def server_get(server: AppServer, path: str) -> int:
    """The status of GET `path` from `server` directly, as the site's host."""
    return requests.get(f"{server.url}{path}", headers={"Host": HOST}, timeout=60).status_code


def in_threads(count: int, target, *args) -> list[threading.Thread]:
    """Start `count` threads running `target(*args)`."""
    threads = [threading.Thread(target=target, args=args, daemon=True) for _ in range(count)]
    for thread in threads:
        thread.start()
    return threads


def test_pages_without_the_database_keep_answering_through_nginx_while_it_hangs(
    make_app, make_database, postgres_server_url, tmp_path
):
    """Requests stuck on the silent database hold a few threads of each server, never a
    whole server: nginx keeps both in turn, the home page and /healthz answer, and pages
    that need the database get 503 once DB_POOL_TIMEOUT has passed.
    """
    url = make_url(make_database(postgres_server_url))
    proxy = TcpProxy(url.host or "127.0.0.1", url.port or 5432)
    proxied = url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
    with make_app(database_url=proxied).app_context():
        flask_migrate.upgrade()
    environ = {
        **production_environ(proxied),
        "TRUSTED_HOSTS": f"{HOST},127.0.0.1",
        "PROXY_FIX_X_FOR": "1",
        "DB_POOL_TIMEOUT": "2",
        "DB_CONNECT_TIMEOUT": "2",
    }
    with running_cluster(environ, tmp_path, workers=1, ready_path="/readyz") as nginx:
        servers = nginx.servers
        try:
            # Open connections in each server's pool while the database still answers.
            for server in servers:
                for thread in in_threads(POOL_CAPACITY, ready, server):
                    thread.join()

            proxy.blackhole()
            stuck: list[int] = []
            waiting = [
                thread
                for server in servers
                for thread in in_threads(POOL_CAPACITY, ready, server, stuck)
            ]
            time.sleep(1)  # each pooled connection is now held by a request waiting on the silence

            def pages_without_the_database_answer() -> None:
                """The home page and /healthz answer through nginx, each within a second."""
                for _ in range(5):
                    for path in ("/healthz", "/"):
                        started = time.monotonic()
                        assert nginx.get(path).status_code == 200
                        assert time.monotonic() - started < 1

            pages_without_the_database_answer()
            started = time.monotonic()
            assert nginx.get("/readyz").status_code == 503  # no connection free: DB_POOL_TIMEOUT
            assert time.monotonic() - started < 5
            pages_without_the_database_answer()  # the 503 took neither server out of turn
            # A request that holds a pooled connection waits as long as the database is silent
            # and its machine still acknowledges (docs/deployment.md): no timeout of the app's
            # fires. Those that had to open a connection got 503 after DB_CONNECT_TIMEOUT.
            assert any(thread.is_alive() for thread in waiting)
            assert set(stuck) <= {503}

            proxy.cut()  # the database's connections break at last
            for thread in waiting:
                thread.join(timeout=15)
            assert stuck == [503] * 2 * POOL_CAPACITY
            for server in servers:
                assert "Traceback" not in server.log_path.read_text()
        finally:
            proxy.cut()
