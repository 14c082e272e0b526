"""nginx from deploy/nginx.conf in front of two gunicorn servers, as production runs them.

Without Debian's nginx these tests skip with the command that installs it, except in CI,
where a skipped suite would hide breakage.
"""

import os
import signal
import subprocess
import time
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest
import requests

from tests.helpers import needs_missing_tool
from tests.live import PROJECT_ROOT, free_port, gunicorn_server, production_environ

NGINX = Path("/usr/sbin/nginx")
SITE = PROJECT_ROOT / "deploy" / "nginx.conf"
HOST = "localhost"
# deploy/nginx.conf's placeholders, and what this test puts in their place.
PLACEHOLDERS = {
    "server_name example.com www.example.com;": f"server_name {HOST};",
    "/srv/flask-starter-kit/static/": f"{PROJECT_ROOT / 'static'}/",
}
# What the site needs from nginx's own configuration (Debian's /etc/nginx/nginx.conf).
MAIN = """
{user}
daemon off;
worker_processes 1;
pid {scratch}/nginx.pid;
error_log {scratch}/error.log;
events {{ worker_connections 1024; }}
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


class Cluster:
    """nginx's address, and the two app servers' logs and processes behind it."""

    def __init__(self, url: str, logs: list[Path]):
        """Keep what the tests look at."""
        self.url, self.logs = url, logs

    def stop_app_server(self, number: int) -> None:
        """Stop one app server (gracefully, as a deploy does), and wait until it is gone."""
        pid = int(self.logs[number].with_suffix(".pid").read_text())
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + 30
        while self.logs[number].with_suffix(".pid").exists() and time.monotonic() < deadline:
            time.sleep(0.1)

    def get(self, path: str, **kwargs) -> requests.Response:
        """GET `path` through nginx, with the site's host name."""
        headers = {"Host": HOST, **kwargs.pop("headers", {})}
        return requests.get(f"{self.url}{path}", headers=headers, timeout=10, **kwargs)


def site_config(nginx_port: int, app_ports: list[int]) -> str:
    """deploy/nginx.conf, on this test's ports and paths; every placeholder must be found."""
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


@pytest.fixture(scope="module")
def cluster(tmp_path_factory) -> Iterator[Cluster]:
    """Two gunicorn servers behind nginx; yields the cluster, stopped at the end."""
    if not NGINX.exists():
        needs_missing_tool("these tests need nginx; install: apt-get install nginx")
    scratch = tmp_path_factory.mktemp("nginx")
    environ = {
        **production_environ(f"sqlite:///{scratch / 'unused.db'}"),
        "TRUSTED_HOSTS": f"{HOST},127.0.0.1",  # the site's name; the address for readiness
        "PROXY_FIX_X_FOR": "1",
        "PROXY_FIX_X_PROTO": "1",
        "PROXY_FIX_X_HOST": "1",
    }
    with ExitStack() as stack:
        logs = [scratch / "a.log", scratch / "b.log"]
        servers = [
            stack.enter_context(gunicorn_server(environ, log, ready_path="/healthz"))
            for log in logs
        ]
        port = free_port()
        app_ports = [int(url.rsplit(":", 1)[1]) for url in servers]
        (scratch / "site.conf").write_text(site_config(port, app_ports))
        user = "user root;" if os.geteuid() == 0 else ""
        (scratch / "nginx.conf").write_text(MAIN.format(user=user, scratch=scratch))
        command = [str(NGINX), "-p", str(scratch), "-c", str(scratch / "nginx.conf")]
        command += ["-e", str(scratch / "error.log")]
        with (scratch / "error.log").open("a") as output:
            nginx = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)
        stack.callback(stop, nginx)
        url = f"http://127.0.0.1:{port}"
        wait_for(url, nginx, scratch / "error.log")
        yield Cluster(url, logs)


def wait_for(url: str, nginx: subprocess.Popen, error_log: Path) -> None:
    """Wait until nginx answers the site's /healthz; fail with its error log if it never does."""
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and nginx.poll() is None:
        try:
            if requests.get(f"{url}/healthz", headers={"Host": HOST}, timeout=2).ok:
                return
        except requests.ConnectionError:
            time.sleep(0.2)
    errors = error_log.read_text() if error_log.exists() else ""
    raise AssertionError(f"nginx did not come up:\n{errors}")


def stop(process: subprocess.Popen) -> None:
    """Stop nginx (SIGTERM: a fast shutdown) and wait for it."""
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
