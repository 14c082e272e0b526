"""Logging: one line per request, with a request id the response echoes."""

import io
import logging
import re
import subprocess
import sys

import pytest
import requests
from flask.logging import default_handler

from tests.live import (
    PROJECT_ROOT,
    free_port,
    gunicorn_server,
    production_environ,
    wait_until_ready,
)

GENERATED_ID = re.compile(r"[0-9a-f]{32}")


@pytest.fixture
def log_app(make_app):
    """An app with a view that fails, created inside the test."""
    app = make_app(PROPAGATE_EXCEPTIONS=False)

    @app.get("/fail")
    def fail():
        """A bug."""
        raise RuntimeError("boom")

    return app


@pytest.fixture
def log_lines(log_app):
    """The lines Flask's default handler would write, as it writes them outside the tests."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(default_handler.formatter)
    for log_filter in default_handler.filters:
        handler.addFilter(log_filter)
    log_app.logger.addHandler(handler)
    yield lambda: stream.getvalue().splitlines()
    log_app.logger.removeHandler(handler)


def test_each_request_is_one_line_with_method_path_status_duration_and_id(log_app, log_lines):
    """The line carries everything needed to find the request again."""
    response = log_app.test_client().get("/healthz", headers={"X-Request-ID": "lb-42.a_b"})
    assert response.headers["X-Request-ID"] == "lb-42.a_b"
    [line] = log_lines()
    assert re.search(r"INFO \[lb-42\.a_b\] app: 127\.0\.0\.1 GET /healthz 200 \d+\.\dms$", line)


@pytest.mark.parametrize("sent", [None, "", "has spaces", "x" * 129, "id<script>"])
def test_a_missing_or_unsafe_request_id_is_replaced(log_app, log_lines, sent):
    """No id, or one that could forge log lines, gets a generated one instead."""
    headers = {} if sent is None else {"X-Request-ID": sent}
    request_id = log_app.test_client().get("/healthz", headers=headers).headers["X-Request-ID"]
    assert GENERATED_ID.fullmatch(request_id)
    assert f"[{request_id}]" in log_lines()[0]


def test_an_exception_is_logged_with_its_request_id(log_app, log_lines):
    """The traceback and the request line share the id the visitor's response shows."""
    response = log_app.test_client().get("/fail", headers={"X-Request-ID": "trace-me"})
    assert response.status_code == 500
    assert response.headers["X-Request-ID"] == "trace-me"
    lines = log_lines()
    assert "ERROR [trace-me] app: Exception on /fail [GET]" in lines[0]
    assert "RuntimeError: boom" in lines
    assert "INFO [trace-me] app: 127.0.0.1 GET /fail 500" in lines[-1]


def test_a_path_cannot_forge_a_log_line(log_app, log_lines):
    """An encoded newline in the URL is logged escaped, so the request stays one line."""
    log_app.test_client().get("/hello/x%0A2026-01-01 INFO [admin] forged")
    [line] = log_lines()
    assert "GET /hello/x\\n2026-01-01 INFO [admin] forged 200" in line


def test_a_path_is_logged_as_the_visitor_typed_it(log_app, log_lines):
    """Non-ASCII paths arrive as UTF-8 bytes and are logged as the text they spell."""
    log_app.test_client().get("/hello/Zo%C3%AB")
    assert "GET /hello/Zoë 200" in log_lines()[0]


def test_records_reach_the_root_logger_for_caplog_and_dictconfig(log_app, caplog):
    """The app's logger propagates: handlers set up on the root logger see each request."""
    log_app.test_client().get("/healthz")
    [record] = [r for r in caplog.records if r.name == "app"]
    assert record.levelno == logging.INFO
    assert re.fullmatch(r"127\.0\.0\.1 GET /healthz 200 \d+\.\dms", record.getMessage())


def test_a_level_set_before_the_app_starts_is_kept(make_app, caplog):
    """Configure logging first, as Flask's docs advise, and the factory leaves your level be."""
    logger = logging.getLogger("app")
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        make_app().test_client().get("/healthz")
    finally:
        logger.setLevel(level)
    assert not [r for r in caplog.records if r.name == "app"]


@pytest.mark.servers
def test_gunicorn_logs_one_line_per_request_with_its_id(tmp_path):
    """Served as in production, each request is one line of the server's log, with its id."""
    environ = production_environ(f"sqlite:///{tmp_path / 'unused.db'}")
    log_path = tmp_path / "gunicorn.log"
    with gunicorn_server(environ, log_path, workers=1, ready_path="/healthz") as base_url:
        requests.get(f"{base_url}/hello/Ada", headers={"X-Request-ID": "gunicorn-1"}, timeout=15)
    [line] = [line for line in log_path.read_text().splitlines() if "/hello/Ada" in line]
    assert re.search(r"INFO \[gunicorn-1\] app: 127\.0\.0\.1 GET /hello/Ada 200 \d+\.\dms$", line)


def test_the_development_server_s_own_line_is_not_repeated(log_app, log_lines):
    """Under `flask run`, Werkzeug's server already writes one line for each request."""
    client = log_app.test_client()
    client.get("/healthz", environ_base={"SERVER_SOFTWARE": "Werkzeug/3.1.9"})
    assert log_lines() == []


@pytest.mark.servers
def test_flask_run_logs_one_line_per_request(tmp_path):
    """The development server writes its own line for each request, and the app adds none."""
    port = free_port()
    log_path = tmp_path / "flask-run.log"
    environ = {"DATABASE_URL": f"sqlite:///{tmp_path / 'unused.db'}", "PYTHONUNBUFFERED": "1"}
    command = [sys.executable, "-m", "flask", "run", "--port", str(port), "--no-reload"]
    with log_path.open("w") as log:
        server = subprocess.Popen(
            command, cwd=PROJECT_ROOT, env={**environ, "PATH": ""}, stdout=log, stderr=log
        )
    try:
        wait_until_ready(f"http://127.0.0.1:{port}/healthz", server, log_path)
        requests.get(f"http://127.0.0.1:{port}/hello/Ada", timeout=15)
    finally:
        server.terminate()
        server.wait(timeout=15)
    assert len([line for line in log_path.read_text().splitlines() if "/hello/Ada" in line]) == 1


def test_behind_a_proxy_the_line_records_the_client_it_forwarded(make_app):
    """With PROXY_FIX_X_FOR, the address is the client's, as the proxy reported it."""
    app = make_app(PROXY_FIX={"x_for": 1})
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    app.logger.addHandler(handler)
    try:
        app.test_client().get("/healthz", headers={"X-Forwarded-For": "203.0.113.7"})
    finally:
        app.logger.removeHandler(handler)
    assert stream.getvalue().startswith("203.0.113.7 GET /healthz 200")
