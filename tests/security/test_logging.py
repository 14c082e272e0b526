"""Logging: one line per request on stderr, with a request id the response echoes."""

import re

import pytest

GENERATED_ID = re.compile(r"[0-9a-f]{32}")


@pytest.fixture
def logged_client(make_app, capsys):
    """A client of an app created inside the test, so its log handler writes to capsys."""
    app = make_app(PROPAGATE_EXCEPTIONS=False)

    @app.get("/fail")
    def fail():
        """A bug."""
        raise RuntimeError("boom")

    return app.test_client()


def test_each_request_is_one_line_with_method_path_status_duration_and_id(logged_client, capsys):
    """The line carries everything needed to find the request again."""
    response = logged_client.get("/healthz", headers={"X-Request-ID": "lb-42.a_b"})
    assert response.headers["X-Request-ID"] == "lb-42.a_b"
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1
    assert re.search(r"INFO \[lb-42\.a_b\] app\.requests: GET /healthz 200 \d+\.\dms$", lines[0])


@pytest.mark.parametrize("sent", [None, "", "has spaces", "x" * 129, "id<script>"])
def test_a_missing_or_unsafe_request_id_is_replaced(logged_client, capsys, sent):
    """No id, or one that could forge log lines, gets a generated one instead."""
    headers = {} if sent is None else {"X-Request-ID": sent}
    response = logged_client.get("/healthz", headers=headers)
    request_id = response.headers["X-Request-ID"]
    assert GENERATED_ID.fullmatch(request_id)
    assert f"[{request_id}]" in capsys.readouterr().err


def test_an_exception_is_logged_with_its_request_id(logged_client, capsys):
    """The traceback and the request line share the id the visitor's response shows."""
    response = logged_client.get("/fail", headers={"X-Request-ID": "trace-me"})
    assert response.status_code == 500
    assert response.headers["X-Request-ID"] == "trace-me"
    err = capsys.readouterr().err
    assert "ERROR [trace-me] app: Exception on /fail [GET]" in err
    assert "RuntimeError: boom" in err
    assert "INFO [trace-me] app.requests: GET /fail 500" in err


def test_a_path_cannot_forge_a_log_line(logged_client, capsys):
    """An encoded newline in the URL is logged escaped, so the request stays one line."""
    logged_client.get("/hello/x%0A2026-01-01 INFO [admin] forged")
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1
    assert "GET /hello/x\\n2026-01-01 INFO [admin] forged 200" in lines[0]


def test_a_path_is_logged_as_the_visitor_typed_it(logged_client, capsys):
    """Non-ASCII paths arrive as UTF-8 bytes and are logged as the text they spell."""
    logged_client.get("/hello/Zo%C3%AB")
    assert "GET /hello/Zoë 200" in capsys.readouterr().err
