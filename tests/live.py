"""Real servers for the tests that need them: gunicorn processes, a browser-like client."""

import contextlib
import os
import secrets
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import requests

PROJECT_ROOT = Path(__file__).resolve().parent.parent
START_TIMEOUT_SECONDS = 30


def run_in_project_root(command: list[str], environ: dict[str, str]) -> subprocess.CompletedProcess:
    """Run `command` from the project root, as an operator would, and capture its output."""
    return subprocess.run(
        command, cwd=PROJECT_ROOT, env=environ, capture_output=True, text=True, timeout=60
    )


def flask_or_exit(environ: dict[str, str], *args: str) -> str:
    """What a `flask` command printed; for the .ci/ scripts, which stop with its output if it
    failed.
    """
    result = run_in_project_root([sys.executable, "-m", "flask", *args], environ)
    if result.returncode:
        sys.exit(f"flask {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def run_flask(*args: str, **environ: str) -> subprocess.CompletedProcess:
    """Run the `flask` command with `environ` added to this process's environment."""
    return run_in_project_root([sys.executable, "-m", "flask", *args], {**os.environ, **environ})


def production_environ(database_url: str | None = None) -> dict[str, str]:
    """The environment of a production server (on `database_url`), with a new secret key."""
    environ = {
        **os.environ,
        "APP_ENV": "production",
        "SECRET_KEY": secrets.token_hex(32),
        "TRUSTED_HOSTS": "127.0.0.1,localhost",
        # The limits layer's production check; each process counts on its own.
        "RATELIMIT_STORAGE_URI": "memory://",
        # The mail layer's production check: an SMTP server where nothing listens (port 1, not
        # a free port, which a server started later could take), so each email fails at once,
        # and is logged (a test that reads them names its own server). Accounts write without
        # confirming their email, as the tests sign up and write.
        "MAIL_SERVER": "127.0.0.1",
        "MAIL_PORT": "1",
        "MAIL_DEFAULT_SENDER": "no-reply@example.com",
        "MAIL_REQUIRE_CONFIRMED": "false",
    }
    if database_url:
        environ["DATABASE_URL"] = database_url
    return environ


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def gunicorn_server(
    environ: dict[str, str], log_path: Path, workers: int = 2, ready_path: str = "/readyz"
) -> Iterator[str]:
    """Serve `wsgi:app` with gunicorn until `ready_path` answers 200; yield its base URL."""
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
        wait_until_ready(f"{base_url}{ready_path}", process, log_path)
        yield base_url
    finally:
        stop_process(process, timeout=15)


def stop_process(process: subprocess.Popen, timeout: float) -> None:
    """Stop `process` gracefully (SIGTERM); kill it if it is still running after `timeout` s."""
    process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def gunicorn_workers(master: subprocess.Popen) -> list[int]:
    """The process ids of a gunicorn master's workers (its children)."""
    pid = master.pid
    return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


def wait_until_ready(
    url: str, process: subprocess.Popen, log_path: Path, headers: dict[str, str] | None = None
) -> None:
    """Poll `url` (sending `headers`) until it answers 200; fail with the server's log if it
    never does.
    """
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        with contextlib.suppress(requests.ConnectionError):
            if requests.get(url, headers=headers, timeout=5).status_code == 200:
                return
        time.sleep(0.2)
    raise AssertionError(f"{url} did not answer 200:\n{log_path.read_text()}")


class Browser(requests.Session):
    """A cookie-keeping HTTP client, like one browser tab: it sends its session everywhere.

    Production marks its cookies Secure, and these tests talk plain HTTP to servers on this
    machine. Like Chromium on localhost, this client sends Secure cookies there too.
    """

    def prepare_request(self, request: requests.Request) -> requests.PreparedRequest:
        """Send every cookie, Secure ones included, with `request`."""
        for cookie in self.cookies:
            cookie.secure = False
        return super().prepare_request(request)


class TcpProxy:
    """A TCP relay between the app and its database that a test can cut, silence and restore."""

    def __init__(self, target_host: str, target_port: int):
        """Relay connections from a free local port to target_host:target_port."""
        self.target = (target_host, target_port)
        self.port = free_port()
        self.connections: list[socket.socket] = []
        self.listener: socket.socket | None = None
        self.silent = False
        self.restore()

    def blackhole(self) -> None:
        """Keep every connection open, and new ones too, but pass nothing on either way.

        Like a database (or a network) that stops answering without closing anything.
        """
        self.silent = True

    def restore(self) -> None:
        """Accept connections again, on the same port."""
        self.listener = socket.create_server(("127.0.0.1", self.port))
        threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()

    def cut(self) -> None:
        """Drop every open connection and refuse new ones, like a database that went away."""
        # shutdown() first: on Linux, close() alone does not wake a thread blocked on the socket.
        for sock in [self.listener, *self.connections]:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()
        self.connections.clear()

    def _accept(self, listener: socket.socket) -> None:
        """Pair each client with a connection to the target until the listener closes."""
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            self.connections.append(client)
            if self.silent:
                continue  # accepted, and never answered
            upstream = socket.create_connection(self.target)
            self.connections.append(upstream)
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        """Copy bytes one way until either side closes (while silent, swallow them)."""
        try:
            while data := source.recv(65536):
                if not self.silent:
                    sink.sendall(data)
        except OSError:
            pass
        finally:
            sink.close()
