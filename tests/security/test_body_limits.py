"""Limits: request size, form size, host names and proxy headers."""

import io
import time

import pytest
from flask import request

from app import create_app
from config import Config, ConfigError, ProductionConfig
from tests.helpers import with_form_route

# What every production app below needs, besides the setting a test is about.
PRODUCTION = {"SECRET_KEY": "p" * 64}


def core_in_production(environ: dict[str, str]):
    """The core alone (each layer tests its own production settings), as production builds it."""
    return create_app(ProductionConfig(environ), layers=())


@pytest.fixture(scope="module")
def form_client(make_app):
    """A client of an app with a route that parses forms."""
    return with_form_route(make_app()).test_client()


def test_a_body_over_max_content_length_gets_413(app, form_client):
    """More than 64 KiB is refused before any view runs, with the 413 page."""
    response = form_client.post(
        "/form", data={"name": "x" * (app.config["MAX_CONTENT_LENGTH"] + 1)}
    )
    assert response.status_code == 413
    assert "larger than this site accepts" in response.get_data(as_text=True)


@pytest.mark.parametrize("size", [1024 * 1024, Config.MAX_CONTENT_LENGTH])
def test_a_body_of_empty_fields_costs_milliseconds_of_cpu(form_client, size):
    """Werkzeug parses a url-encoded body whole, in Python: a megabyte of some 170,000 empty
    fields is refused unread, and the most that fits the limit parses in a few milliseconds
    (docs/security.md gives the figures; the bound here is generous).
    """
    body = b"&".join([b"name="] * (size // 6))
    form = "application/x-www-form-urlencoded"
    cpu_seconds = []
    for _ in range(3):  # the best of three, as timeit does: a garbage collection may land here
        started = time.thread_time()
        response = form_client.post("/form", data=body, content_type=form)
        cpu_seconds.append(time.thread_time() - started)
        assert response.status_code == (413 if size > Config.MAX_CONTENT_LENGTH else 200)
    assert min(cpu_seconds) < 0.15


def test_one_form_field_over_max_form_memory_size_gets_413(app, form_client):
    """A single field larger than MAX_FORM_MEMORY_SIZE is refused, even in a small body."""
    big_field = "x" * (app.config["MAX_FORM_MEMORY_SIZE"] + 1)
    assert len(big_field) < app.config["MAX_CONTENT_LENGTH"]
    response = form_client.post(
        "/form", data={"message": big_field}, content_type="multipart/form-data"
    )
    assert response.status_code == 413


def test_too_many_form_fields_get_413(app, form_client):
    """More parts than MAX_FORM_PARTS are refused: parsing thousands costs CPU."""
    fields = {f"field{n}": "x" for n in range(app.config["MAX_FORM_PARTS"] + 1)}
    response = form_client.post("/form", data=fields, content_type="multipart/form-data")
    assert response.status_code == 413


def test_a_form_within_the_limits_is_read(form_client):
    """The limits leave ordinary forms alone (so the 413s above can fail)."""
    assert form_client.post("/form", data={"a": "1", "b": "2"}).get_data(as_text=True) == "2"


@pytest.fixture
def production_app(request):
    """A production app with the environment given by the test's parameter."""
    environ = {**PRODUCTION, "TRUSTED_HOSTS": "localhost", **request.param}
    return core_in_production(environ)


@pytest.mark.parametrize(
    "production_app", [{"TRUSTED_HOSTS": "example.com, www.example.com"}], indirect=True
)
def test_production_answers_only_for_trusted_hosts(production_app):
    """TRUSTED_HOSTS from the environment: any other Host header gets a plain 400."""
    client = production_app.test_client()
    assert client.get("/", base_url="https://www.example.com").status_code == 200
    response = client.get("/", base_url="https://attacker.example")
    assert response.status_code == 400
    assert response.get_data(as_text=True) == "Host 'attacker.example' is not trusted."


def test_production_refuses_to_start_without_the_hosts_it_answers_for():
    """No TRUSTED_HOSTS and no SERVER_NAME: links could be built from any Host header."""
    with pytest.raises(ConfigError, match="TRUSTED_HOSTS must name the host names"):
        ProductionConfig({"SECRET_KEY": "p" * 64})


@pytest.mark.parametrize(
    ("environ", "location"),
    [
        ({"SERVER_NAME": "example.com"}, "https://example.com/folder/"),
        ({"TRUSTED_HOSTS": "example.com"}, None),  # the request is refused before any redirect
    ],
)
def test_a_redirect_never_names_the_host_a_request_made_up(environ, location):
    """Either setting keeps a forged Host header out of the trailing-slash redirect."""
    app = core_in_production({**PRODUCTION, **environ})
    app.add_url_rule("/folder/", "folder", lambda: "inside")
    response = app.test_client().get("/folder", base_url="https://attacker.example")
    assert response.headers.get("Location") == location
    assert response.status_code == (308 if location else 400)


@pytest.mark.parametrize(
    ("production_app", "remote_addr"),
    [({}, "127.0.0.1"), ({"PROXY_FIX_X_FOR": "1"}, "203.0.113.7")],
    indirect=["production_app"],
)
def test_forwarded_headers_are_believed_only_when_configured(production_app, remote_addr):
    """ProxyFix is applied only with PROXY_FIX_* hop counts; otherwise a client can't spoof."""

    @production_app.get("/whoami")
    def whoami():
        """Show the client address the app believes."""
        return request.remote_addr

    response = production_app.test_client().get(
        "/whoami", headers={"X-Forwarded-For": "203.0.113.7"}
    )
    assert response.get_data(as_text=True) == remote_addr


class BrokenChunks(io.BytesIO):
    """A request body whose chunked encoding the server cannot parse."""

    def read(self, _size=-1):
        raise ValueError("Invalid chunk size: b'zz'")


def streamed(client, path: str, body, **kwargs):
    """POST `body` as a server hands on a chunked body: no Content-Length, input terminated."""
    stream = body if isinstance(body, io.IOBase) else io.BytesIO(body)
    environ = {"wsgi.input_terminated": True, "CONTENT_LENGTH": ""}
    return client.post(path, input_stream=stream, environ_overrides=environ, **kwargs)


def test_a_chunked_body_over_the_limit_gets_413_not_a_cut_short_form(app, form_client):
    """Without a Content-Length, the body is counted as it is read: one byte over is a 413."""
    body = b"name=" + b"x" * app.config["MAX_CONTENT_LENGTH"]
    form = "application/x-www-form-urlencoded"
    assert streamed(form_client, "/form", body, content_type=form).status_code == 413


def test_a_chunked_body_within_the_limit_is_read_whole(form_client):
    """A streamed form that fits is parsed like any other."""
    form = "application/x-www-form-urlencoded"
    response = streamed(form_client, "/form", b"a=1&b=2&c=3", content_type=form)
    assert response.get_data(as_text=True) == "3"


def test_malformed_chunks_get_400(form_client):
    """A body the server cannot parse is the client's mistake: 400 with a reason, never 500."""
    response = streamed(form_client, "/form", BrokenChunks())
    assert response.status_code == 400
    assert "chunked encoding is malformed" in response.get_data(as_text=True)
