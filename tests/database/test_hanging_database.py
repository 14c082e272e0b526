"""A database that stops answering, without closing anything, as gunicorn serves the app."""

import threading
import time

import flask_migrate
import pytest
import requests
from sqlalchemy import make_url

from tests.live import TcpProxy, gunicorn_server, production_environ

# gunicorn on PostgreSQL, behind a proxy that goes silent.
pytestmark = pytest.mark.servers

# gunicorn.conf.py gives each worker 8 threads; the pool at most 4 + 2 connections.
POOL_CAPACITY = 6


def get(url: str) -> tuple[int, float]:
    """The status of GET `url` and the seconds it took."""
    started = time.monotonic()
    status = requests.get(url, timeout=60).status_code
    return status, time.monotonic() - started


def test_healthz_keeps_answering_and_pages_answer_503_while_the_database_hangs(
    make_app, make_database, postgres_server_url, tmp_path
):
    """Threads stuck on the silent database never take the whole worker: the rest answer."""
    url = make_url(make_database(postgres_server_url))
    proxy = TcpProxy(url.host or "127.0.0.1", url.port or 5432)
    proxied = url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
    with make_app(database_url=proxied).app_context():
        flask_migrate.upgrade()
    environ = {**production_environ(proxied), "DB_POOL_TIMEOUT": "2", "DB_CONNECT_TIMEOUT": "2"}
    try:
        with gunicorn_server(environ, tmp_path / "gunicorn.log", workers=1) as base_url:
            readyz = f"{base_url}/readyz"
            # Open the pool's connections while the database still answers.
            warm = [threading.Thread(target=get, args=(readyz,)) for _ in range(POOL_CAPACITY)]
            for thread in warm:
                thread.start()
            for thread in warm:
                thread.join()

            proxy.blackhole()
            stuck: list[tuple[int, float]] = []
            waiting = [
                threading.Thread(target=lambda: stuck.append(get(readyz)))
                for _ in range(POOL_CAPACITY)
            ]
            for thread in waiting:
                thread.start()
            time.sleep(1)  # every connection of the pool is now waiting on the silence

            for _ in range(5):
                status, seconds = get(f"{base_url}/healthz")
                assert (status, seconds < 1) == (200, True)
            status, seconds = get(readyz)
            assert status == 503  # no connection free: it waited DB_POOL_TIMEOUT, not for ever
            assert seconds < 5

            proxy.cut()  # the database's connections break at last
            for thread in waiting:
                thread.join(timeout=15)
            assert [status for status, _ in stuck] == [503] * POOL_CAPACITY
        assert "Traceback" not in (tmp_path / "gunicorn.log").read_text()
    finally:
        proxy.cut()
