"""Real servers for the tests that need them: gunicorn processes and a small HTTP client."""

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from http.cookiejar import CookieJar
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
START_TIMEOUT_SECONDS = 30


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def gunicorn_server(environ: dict[str, str], log_path: Path, workers: int = 2) -> Iterator[str]:
    """Serve `wsgi:app` with gunicorn until the block ends; yield its base URL."""
    port = free_port()
    command = [
        sys.executable, "-m", "gunicorn", "wsgi:app",
        "--workers", str(workers), "--bind", f"127.0.0.1:{port}", "--no-control-socket",
    ]  # fmt: skip
    with log_path.open("w") as log:
        process = subprocess.Popen(
            command, cwd=PROJECT_ROOT, env=environ, stdout=log, stderr=subprocess.STDOUT
        )
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_until_ready(base_url, process, log_path)
        yield base_url
    finally:
        process.terminate()  # stopped by its own process id, gracefully
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_until_ready(base_url: str, process: subprocess.Popen, log_path: Path) -> None:
    """Poll /readyz until it answers 200; fail with the server's log if it never does."""
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        if Browser().get(f"{base_url}/readyz").status == 200:
            return
        time.sleep(0.2)
    raise AssertionError(f"gunicorn at {base_url} did not become ready:\n{log_path.read_text()}")


class Response:
    """What a request returned: status, headers and body text (status 0: no connection)."""

    def __init__(self, status: int, headers: dict[str, str], text: str):
        """Keep the parts of a response the tests look at."""
        self.status, self.headers, self.text = status, headers, text


class NoRedirects(urllib.request.HTTPRedirectHandler):
    """Hand redirects back to the caller, so tests see the 303 itself."""

    def redirect_request(self, *args, **kwargs):
        """Decline to follow."""
        return None


class Browser:
    """A cookie-keeping HTTP client, like one browser tab: it sends its session everywhere."""

    def __init__(self):
        """Start with an empty cookie jar."""
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(CookieJar()), NoRedirects()
        )

    def get(self, url: str) -> Response:
        """GET `url`."""
        return self.request(urllib.request.Request(url))

    def post(self, url: str, form: dict[str, str]) -> Response:
        """POST `form` to `url`, URL-encoded, as an HTML form does."""
        body = urllib.parse.urlencode(form).encode()
        return self.request(urllib.request.Request(url, data=body, method="POST"))

    def request(self, request: urllib.request.Request) -> Response:
        """Send `request`; HTTP errors are answers too, and a refused connection is status 0."""
        try:
            with self.opener.open(request, timeout=15) as answer:
                return Response(answer.status, dict(answer.headers), answer.read().decode())
        except urllib.error.HTTPError as error:
            with error:
                return Response(error.code, dict(error.headers), error.read().decode())
        except (urllib.error.URLError, ConnectionError):
            return Response(0, {}, "")
