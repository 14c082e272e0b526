"""Sign-in attempts while Redis is away, each run in a Python process of its own.

Flask-Limiter remembers that its storage failed on its Limiter, which every app shares,
and tries the storage again only 1 to 32 s later. In the test process that would carry into
later tests' apps (and move their counts elsewhere mid-test when the retry comes), so each
scenario here runs in a fresh interpreter.
"""

import logging
import multiprocessing
import secrets
import time
from concurrent.futures import ProcessPoolExecutor
from urllib.parse import urlsplit

from flask import Flask

from app import create_app
from tests.fixtures import TestingConfig
from tests.limits.helpers import ACCOUNT_PAGES, attempt, with_limited_routes
from tests.live import TcpProxy, free_port

SCENARIO_TIMEOUT_SECONDS = 120


def in_a_fresh_process(scenario, *args):
    """The result of `scenario(*args)`, run in a new Python process."""
    spawn = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=spawn) as pool:
        return pool.submit(scenario, *args).result(timeout=SCENARIO_TIMEOUT_SECONDS)


class Recorder(logging.Handler):
    """Keeps the message of each record it is handed."""

    def __init__(self):
        """Start with no messages."""
        super().__init__()
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        """Keep the record's message, with its level."""
        self.messages.append(f"{record.levelname} {record.getMessage()}")


def app_counting_in(storage_uri: str, account_pages: list[str] = ACCOUNT_PAGES) -> Flask:
    """An app with the limits on, counting in `storage_uri`, with the routes of helpers.py."""
    config = TestingConfig()
    vars(config).update(
        RATELIMIT_ENABLED=True,
        RATELIMIT_STORAGE_URI=storage_uri,
        RATELIMIT_ACCOUNT_PAGES=account_pages,
    )
    return with_limited_routes(create_app(config))


def recording_limiter_log() -> Recorder:
    """A Recorder of what Flask-Limiter logs from now on."""
    recorder = Recorder()
    logging.getLogger("flask-limiter").addHandler(recorder)
    return recorder


def timed_attempts(app: Flask, count: int) -> dict:
    """`count` failed sign-ins from one new address, naming new accounts: their statuses,
    and the seconds each took.
    """
    address = f"10.{secrets.randbelow(250)}.{secrets.randbelow(250)}.{secrets.randbelow(250)}"
    client = app.test_client()
    statuses, seconds = [], []
    for number in range(count):
        started = time.monotonic()
        statuses.append(
            attempt(client, f"{number}-{secrets.token_hex(4)}@example.com", "x", address)
        )
        seconds.append(round(time.monotonic() - started, 2))
    return {"statuses": statuses, "seconds": seconds}


def attempts_with_nothing_listening(count: int) -> dict:
    """Attempts counted in a Redis URL where nothing listens (the app starts all the same)."""
    log = recording_limiter_log()
    app = app_counting_in(f"redis://127.0.0.1:{free_port()}/0")
    return {**timed_attempts(app, count), "log": log.messages}


def attempts_while_redis_hangs(count: int) -> dict:
    """Attempts counted in a "Redis" that accepts connections and never answers."""
    silent = TcpProxy("127.0.0.1", free_port())
    silent.blackhole()
    log = recording_limiter_log()
    try:
        app = app_counting_in(f"redis://127.0.0.1:{silent.port}/0")
        return {**timed_attempts(app, count), "log": log.messages}
    finally:
        silent.cut()


def attempts_while_redis_goes_away(redis_url: str, count: int) -> dict:
    """A failed sign-in during which Redis (at `redis_url`, reached through a proxy that
    can cut it off) goes away, then `count` more.
    """
    url = urlsplit(redis_url)
    proxy = TcpProxy(url.hostname or "localhost", url.port or 6379)  # redis-py's defaults
    credentials, _, _ = url.netloc.rpartition("@")
    through_proxy = f"127.0.0.1:{proxy.port}"
    if credentials:
        through_proxy = f"{credentials}@{through_proxy}"
    app = app_counting_in(
        url._replace(netloc=through_proxy).geturl(),
        account_pages=[*ACCOUNT_PAGES, "attempt_and_cut"],
    )

    @app.post("/attempt-and-cut")
    def attempt_and_cut():
        """A failed sign-in, during which Redis goes away."""
        proxy.cut()
        return "refused", 400

    log = recording_limiter_log()
    email = f"{secrets.token_hex(4)}@example.com"
    first = app.test_client().post("/attempt-and-cut", data={"email": email}).status_code
    rest = timed_attempts(app, count)
    return {"statuses": [first, *rest["statuses"]], "log": log.messages}
