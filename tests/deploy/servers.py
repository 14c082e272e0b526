"""Production's moving parts for the tests: nginx with deploy/nginx.conf, gunicorn servers on
sockets held for them as systemd's socket units hold them (docs/deployment.md), and a load of
visitors that notes every answer.

tests/deploy/ runs them on the core; other layers' tests may use them too (the database
layer's, behind a database that hangs).
"""

import os
import signal
import socket
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager, suppress
from pathlib import Path

import requests

from tests.helpers import needs_missing_tool
from tests.live import PROJECT_ROOT, free_port, gunicorn_workers, stop_process, wait_until_ready

NGINX = Path("/usr/sbin/nginx")
SITE = PROJECT_ROOT / "deploy" / "nginx.conf"
HOST = "localhost"
# deploy/nginx.conf's placeholders, and what these tests put in their place.
PLACEHOLDERS = {
    "server_name example.com www.example.com;": f"server_name {HOST};",
    "/srv/flask-starter-kit/static/": f"{PROJECT_ROOT / 'static'}/",
}
# nginx's own configuration (Debian's /etc/nginx/nginx.conf), with the connection limits
# docs/deployment.md sets there.
MAIN = """
{user}
daemon off;
worker_processes 1;
worker_rlimit_nofile 16384;
pid {scratch}/nginx.pid;
error_log {scratch}/error.log;
events {{ worker_connections 8192; }}
http {{
    include /etc/nginx/mime.types;
    access_log {scratch}/access.log;
    client_body_temp_path {scratch}/body;
    proxy_temp_path {scratch}/proxy;
    fastcgi_temp_path {scratch}/fastcgi;
    uwsgi_temp_path {scratch}/uwsgi;
    scgi_temp_path {scratch}/scgi;
    include {scratch}/site.conf;
}}
"""
# What systemd does for a service its socket unit starts: the listening socket as file
# descriptor 3, LISTEN_FDS=1, and LISTEN_PID naming the process that is to use it (known
# only once it runs), then the service's command in that same process.
ACTIVATE = """
import os, sys
fd = int(sys.argv[1])
if fd != 3:
    os.dup2(fd, 3)
    os.close(fd)
os.environ.update(LISTEN_FDS="1", LISTEN_PID=str(os.getpid()))
os.execv(sys.executable, [sys.executable, *sys.argv[2:]])
"""


class AppServer:
    """gunicorn with gunicorn.conf.py, on a port that stays open while it stops and starts."""

    def __init__(self, environ: dict[str, str], log_path: Path, workers: int = 2):
        """Open the socket (systemd's socket unit); the server starts with `start`."""
        self.environ, self.log_path, self.workers = environ, log_path, workers
        self.listener = socket.create_server(("127.0.0.1", 0), backlog=2048)
        self.port = self.listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None

    def start(self, ready_path: str = "/healthz") -> None:
        """Start gunicorn on the socket, and wait until it answers `ready_path` with 200."""
        fd = self.listener.fileno()
        command = [
            sys.executable, "-c", ACTIVATE, str(fd),
            "-m", "gunicorn", "--workers", str(self.workers), "--no-control-socket",
        ]  # fmt: skip
        with self.log_path.open("a") as log:
            self.process = subprocess.Popen(
                command, cwd=PROJECT_ROOT, env=self.environ, pass_fds=[fd],
                stdout=log, stderr=subprocess.STDOUT,
            )  # fmt: skip
        wait_until_ready(f"{self.url}{ready_path}", self.process, self.log_path)

    def stop(self) -> None:
        """Stop gunicorn as `systemctl stop` does: SIGTERM, then wait for it to finish."""
        if self.process and self.process.poll() is None:
            stop_process(self.process, timeout=30)

    def worker_ids(self) -> list[int]:
        """The process ids of gunicorn's workers (the master's children)."""
        return gunicorn_workers(self.process)

    def kill_master(self) -> None:
        """Kill gunicorn's master, then what is left of it, as systemd does when the main
        process of a unit with KillMode=mixed dies.
        """
        workers = self.worker_ids()
        self.process.kill()
        self.process.wait()
        for worker in workers:
            with suppress(ProcessLookupError):  # it may have gone already
                os.kill(worker, signal.SIGKILL)

    def close(self) -> None:
        """Stop gunicorn and close the socket: the server is gone, and refuses connections."""
        self.stop()
        self.listener.close()


class Nginx:
    """nginx running deploy/nginx.conf, as it is, in front of the given app servers."""

    def __init__(self, scratch: Path, app_ports: list[int]):
        """Write its configuration into `scratch`; `start` starts it."""
        if not NGINX.exists():
            needs_missing_tool("these tests need nginx; install: apt-get install nginx")
        self.scratch = scratch
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        (scratch / "site.conf").write_text(site_config(self.port, app_ports))
        user = "user root;" if os.geteuid() == 0 else ""
        (scratch / "nginx.conf").write_text(MAIN.format(user=user, scratch=scratch))
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        """Start nginx, and wait until it answers the site's /healthz."""
        command = [str(NGINX), "-p", str(self.scratch), "-c", str(self.scratch / "nginx.conf")]
        command += ["-e", str(self.scratch / "error.log")]
        with (self.scratch / "error.log").open("a") as output:
            self.process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)
        log = self.scratch / "error.log"
        wait_until_ready(f"{self.url}/healthz", self.process, log, headers={"Host": HOST})

    def stop(self) -> None:
        """Stop nginx (SIGTERM: a fast shutdown) and wait for it."""
        stop_process(self.process, timeout=10)

    def get(self, path: str, **kwargs) -> requests.Response:
        """GET `path` through nginx, with the site's host name."""
        headers = {"Host": HOST, **kwargs.pop("headers", {})}
        return requests.get(f"{self.url}{path}", headers=headers, timeout=10, **kwargs)


class Cluster(Nginx):
    """nginx, with its app servers behind it."""

    def __init__(self, scratch: Path, servers: list[AppServer]):
        """Write nginx's configuration for `servers`; `start` starts nginx."""
        super().__init__(scratch, [server.port for server in servers])
        self.servers = servers

    @property
    def logs(self) -> list[Path]:
        """The app servers' logs."""
        return [server.log_path for server in self.servers]


@contextmanager
def running_cluster(
    environ: dict[str, str], scratch: Path, workers: int = 2, ready_path: str = "/healthz"
) -> Iterator[Cluster]:
    """Two gunicorn servers (`workers` each) behind nginx, each on its own held socket, once
    each answers `ready_path`; everything stops at the end.
    """
    with ExitStack() as stack:
        servers = [AppServer(environ, scratch / f"{name}.log", workers) for name in ("a", "b")]
        cluster = Cluster(scratch, servers)
        for server in servers:
            stack.callback(server.close)
            server.start(ready_path)
        cluster.start()
        stack.callback(cluster.stop)
        yield cluster


def site_config(nginx_port: int, app_ports: list[int]) -> str:
    """deploy/nginx.conf, on these ports and paths; every placeholder must be found."""
    text = SITE.read_text()
    replacements = {
        **PLACEHOLDERS,
        "listen 80 default_server;": f"listen 127.0.0.1:{nginx_port} default_server;",
        "listen 80;": f"listen 127.0.0.1:{nginx_port};",
        "server 127.0.0.1:8001 ": f"server 127.0.0.1:{app_ports[0]} ",
        "server 127.0.0.1:8002 ": f"server 127.0.0.1:{app_ports[1]} ",
    }
    for placeholder, value in replacements.items():
        assert placeholder in text, f"deploy/nginx.conf no longer holds {placeholder!r}"
        text = text.replace(placeholder, value, 1 if placeholder.startswith("listen 80;") else -1)
    return text


@contextmanager
def visitors(url: str, paths: dict[str, str], clients: int = 8) -> Iterator[Counter]:
    """Send requests to `url` (as the site's host) from `clients` threads, each sending
    `"GET /path"` or `"POST /path"` requests from `paths`' keys in turn, until the block ends.

    Yields a Counter of (request, status) pairs, with the exception's name as the status of a
    request that got no answer. `paths` maps each request to its name in the counter.
    """
    answers: Counter = Counter()
    lock = threading.Lock()
    stop = threading.Event()
    requests_to_send = list(paths.items())

    def visit(number: int) -> None:
        """Send this client's requests until told to stop."""
        session = requests.Session()
        request, name = requests_to_send[number % len(requests_to_send)]
        method, path = request.split(" ", 1)
        while not stop.is_set():
            try:
                response = session.request(
                    method, f"{url}{path}", headers={"Host": HOST}, timeout=35
                )
                status: int | str = response.status_code
            except requests.RequestException as error:
                status = type(error).__name__
            with lock:
                answers[(name, status)] += 1

    threads = [threading.Thread(target=visit, args=(n,), daemon=True) for n in range(clients)]
    for thread in threads:
        thread.start()
    try:
        yield answers
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=40)


def failures(answers: Counter) -> dict:
    """The requests that got a 5xx, or no answer at all."""
    return {key: n for key, n in answers.items() if not isinstance(key[1], int) or key[1] >= 500}
