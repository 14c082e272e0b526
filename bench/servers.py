"""Databases and gunicorn servers for the benchmark, each stopped by its own process id."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
START_TIMEOUT_SECONDS = 60
STOP_TIMEOUT_SECONDS = 15
# Passed through from the caller's environment; everything else is set on purpose, so a
# developer's FLASK_DEBUG, TRUSTED_HOSTS or DATABASE_URL cannot change what is measured.
INHERITED = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR")


def production_environment(secret_key: str, database: Path) -> dict[str, str]:
    """The environment of a production deployment on the SQLite file `database`."""
    inherited = {name: os.environ[name] for name in INHERITED if name in os.environ}
    return {
        **inherited,
        "APP_ENV": "production",
        "SECRET_KEY": secret_key,
        "DATABASE_URL": f"sqlite:///{database}",
        "FLASK_APP": "wsgi",
        "FLASK_SKIP_DOTENV": "1",  # .flaskenv turns on debug mode, which production never has
    }


def timed_run(arguments: list[str], environ: dict[str, str] | None = None) -> float:
    """Wall time of `python ARGUMENTS` in the project root; raise if it fails."""
    started = time.perf_counter()
    result = subprocess.run(  # noqa: S603 (our own interpreter, fixed arguments)
        [sys.executable, *arguments],
        cwd=PROJECT_ROOT,
        env=environ,
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - started
    if result.returncode:
        raise RuntimeError(f"python {' '.join(arguments)} failed:\n{result.stdout}{result.stderr}")
    return elapsed


def run_flask(environ: dict[str, str], *args: str) -> float:
    """Run `flask ARGS` in the project root; return its wall time, or raise with its output."""
    return timed_run(["-m", "flask", *args], environ)


def create_database(environ: dict[str, str], rows: int) -> float:
    """Migrate the database that `environ` names and seed `rows` entries; return seed seconds."""
    run_flask(environ, "db", "upgrade")
    return run_flask(environ, "seed", "--count", str(rows))


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """A gunicorn master with 2 sync workers serving `app` on 127.0.0.1."""

    def __init__(self, app: str, environ: dict[str, str], log_path: Path, ready_path: str):
        """Start gunicorn in the background; `wait_until_ready` waits for it to answer."""
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.ready_path, self.log_path = ready_path, log_path
        command = [
            sys.executable, "-m", "gunicorn", app, "--workers", "2",
            "--bind", f"127.0.0.1:{self.port}", "--no-control-socket",
        ]  # fmt: skip
        with log_path.open("w") as log:
            self.process = subprocess.Popen(  # noqa: S603 (our own interpreter, fixed arguments)
                command, cwd=PROJECT_ROOT, env=environ, stdout=log, stderr=subprocess.STDOUT
            )

    def wait_until_ready(self) -> None:
        """Poll `ready_path` until it answers 200; raise with the server's log if it never does."""
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                with urllib.request.urlopen(self.url + self.ready_path, timeout=5) as answer:  # noqa: S310
                    if answer.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError):
                pass
            time.sleep(0.2)
        log_tail = "\n".join(self.log_path.read_text().splitlines()[-20:])
        raise RuntimeError(f"gunicorn at {self.url} did not start; its log ends:\n{log_tail}")

    def stop(self) -> None:
        """Stop the master by its process id (it stops its workers): terminate, then kill."""
        if self.process.poll() is None:
            self.process.terminate()
        try:
            self.process.wait(timeout=STOP_TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def worker_rss_mb(self) -> dict[int, float]:
        """Resident memory of each worker (the master's children), in MB, by process id."""
        pid = self.process.pid
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        return {int(child): rss_mb(int(child)) for child in children}


def rss_mb(pid: int) -> float:
    """VmRSS of process `pid`, in MB (1024 x 1024 bytes)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"process {pid} has no VmRSS")


@contextmanager
def servers(specs: dict[str, tuple[str, dict[str, str], str]], log_dir: Path):
    """Start one Server per name in `specs` (app, environ, ready path); stop them all after."""
    started: dict[str, Server] = {}
    try:
        for name, (app, environ, ready_path) in specs.items():
            started[name] = Server(app, environ, log_dir / f"{name}.log", ready_path)
        for server in started.values():
            server.wait_until_ready()
        yield started
    finally:
        for server in started.values():
            server.stop()
