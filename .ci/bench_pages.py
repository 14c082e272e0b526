"""Page throughput as a ratio to a one-route Flask app, memory per worker, and start-up time.

Seeds a throwaway SQLite database with 100,000 guestbook entries and serves the kit in
production mode, limits off (every request comes from one address), beside a "Hello" app
on `gunicorn -w 2` sync workers. The kit runs twice: as shipped (gunicorn.conf.py: two
workers of 4 threads) and on two sync workers. `wrk -t2 -c16` loads each page for a few
seconds in interleaved rounds, so every server sees the same machine; the median ratio over
the rounds is printed per page.

A threaded worker keeps each keep-alive connection it accepted, so when one worker happens
to accept all 16 at the start, the other idles for the whole run: such a run is marked
"one worker" (it used under a quarter of the CPU) and left out of the medians.

Then each worker's memory after the load (RSS, and the private part), and the time to
`import wsgi` over the time to import the Flask extensions it uses, medians of 15 starts.
docs/performance.md keeps the figures; no test asserts them. Needs wrk (Debian's package).

Ratios to "Hello" move with the machine (docs/performance.md has two of one kind), so
`--compare NAME=FOLDER:MODULE:PATH` serves `MODULE:app` from FOLDER on sync workers and puts
its PATH in the same rounds, as a yardstick: the Flask tutorial's index, say, with a
`wsgi_flaskr.py` of your own and its database seeded first.

Usage: .venv/bin/python .ci/bench_pages.py [--rounds 3] [--seconds 8] [--rows 100000]
           [--compare NAME=FOLDER:MODULE:PATH]
"""

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

from tests.live import (  # noqa: E402
    flask_or_exit,
    free_port,
    gunicorn_workers,
    production_environ,
    stop_process,
    wait_until_ready,
)

PAGES = ["/", "/hello/World", "/submit", "/guestbook/", "/api/v1/entries"]
HELLO_APP = 'from flask import Flask\napp = Flask(__name__)\napp.get("/")(lambda: "Hello")\n'
SYNC = ["--worker-class", "sync", "--threads", "1"]
EXTENSIONS = (
    "flask, flask_sqlalchemy, flask_migrate, flask_wtf, flask_login, flask_limiter, flask_mail"
)


@contextmanager
def serve(
    module: str, cwd: Path, environ: dict[str, str], options: list[str], log: Path
) -> Iterator[tuple[subprocess.Popen, str]]:
    """Serve `gunicorn -w 2 module` in `cwd` (reading its gunicorn.conf.py, if any), logging
    to `log`, until it answers `/`; yield its process and base URL, and stop it after.
    """
    port = free_port()
    command = [
        sys.executable, "-m", "gunicorn", module, "--workers", "2", "--bind",
        f"127.0.0.1:{port}", "--no-control-socket", "--log-level", "warning", *options,
    ]  # fmt: skip
    with log.open("w") as stream:
        process = subprocess.Popen(command, cwd=cwd, env=environ, stderr=stream)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_ready(url + "/", process, log)
        yield process, url
    finally:
        stop_process(process, timeout=15)


def cpu_ticks(pid: int) -> int:
    """User and system CPU time a process has used, in clock ticks."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return int(fields[11]) + int(fields[12])


def measure(url: str, seconds: int, workers: list[int]) -> tuple[float, bool]:
    """Requests per second under `wrk -t2 -c16`, and whether both workers shared the load."""
    before = [cpu_ticks(pid) for pid in workers]
    result = subprocess.run(
        ["wrk", "-t2", "-c16", f"-d{seconds}s", url], capture_output=True, text=True, check=True
    )
    used = [cpu_ticks(pid) - start for pid, start in zip(workers, before, strict=True)]
    # wrk counts error answers as requests: a page that fails would look fast.
    if errors := re.search(r"Non-2xx or 3xx responses: (\d+)", result.stdout):
        sys.exit(f"{url} answered {errors.group(1)} requests with an error status")
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", result.stdout).group(1))
    return rate, min(used) >= 0.25 * max(sum(used), 1)


def memory_mb(pid: int) -> tuple[float, float]:
    """A process's resident memory and the private part of it, in MB."""
    fields = dict(
        line.split(":", 1)
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]
    )
    kilobytes = {name: int(value.split()[0]) for name, value in fields.items()}
    private = kilobytes["Private_Clean"] + kilobytes["Private_Dirty"]
    return kilobytes["Rss"] / 1024, private / 1024


def start_up_ratio(environ: dict[str, str]) -> float:
    """Median time to `import wsgi` over the median time to import the extensions alone."""

    def median_seconds(code: str) -> float:
        times = []
        for _ in range(15):
            started = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], cwd=PROJECT_ROOT, env=environ, check=True)
            times.append(time.perf_counter() - started)
        return statistics.median(times)

    # The extensions' bytecode was compiled when pip installed them; the app's is written at its
    # first import, unless PYTHONDONTWRITEBYTECODE is set (as in the container, whose build
    # compiles it): compile it here too, so both imports read bytecode.
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", "app", "config.py", "wsgi.py"],
        cwd=PROJECT_ROOT,
        check=True,
    )
    return median_seconds("import wsgi") / median_seconds(f"import {EXTENSIONS}")


def main(rounds: int, seconds: int, rows: int, compare: str | None) -> None:
    """Seed, serve, measure in interleaved rounds, and print the figures."""
    with tempfile.TemporaryDirectory() as scratch:
        environ = production_environ(f"sqlite:///{scratch}/bench.db")
        environ["RATELIMIT_ENABLED"] = "false"
        flask_or_exit(environ, "db", "upgrade")
        flask_or_exit(environ, "seed", "--count", str(rows))
        (Path(scratch) / "hello.py").write_text(HELLO_APP)
        specs = [
            ("hello", "hello:app", Path(scratch), SYNC),
            ("as shipped", "wsgi:app", PROJECT_ROOT, []),
            ("sync", "wsgi:app", PROJECT_ROOT, SYNC),
        ]
        pages = {"as shipped": PAGES, "sync": PAGES}
        if compare:
            name, _, place = compare.partition("=")
            folder, module, page = place.split(":")
            specs.append((name, f"{module}:app", Path(folder), SYNC))
            pages[name] = [page]
        with ExitStack() as running:
            servers = {}
            for name, module, cwd, options in specs:
                log = Path(scratch) / f"{name.replace(' ', '-')}.log"
                servers[name] = running.enter_context(serve(module, cwd, environ, options, log))
            workers = {name: gunicorn_workers(process) for name, (process, _) in servers.items()}
            ratios = {(kit, page): [] for kit, kit_pages in pages.items() for page in kit_pages}
            for number in range(1, rounds + 1):
                hello, _ = measure(servers["hello"][1] + "/", seconds, workers["hello"])
                print(f"round {number}: hello {hello:.0f} req/s")
                for (kit, page), values in ratios.items():
                    rate, shared = measure(servers[kit][1] + page, seconds, workers[kit])
                    note = "" if shared else "  (one worker: left out)"
                    print(f"  {kit:<10} {page:<16} {rate:6.0f} req/s {rate / hello:.2f}{note}")
                    if shared:
                        values.append(rate / hello)
            print("median ratio to hello (as shipped, sync):")
            for page in PAGES:
                medians = [ratios[kit, page] for kit in ("as shipped", "sync")]
                # "-": every run of that server was left out.
                text = [f"{statistics.median(m):.2f}" if m else "  - " for m in medians]
                print(f"  {page:<16} {text[0]}  {text[1]}")
            for (kit, page), values in ratios.items():
                if kit not in ("as shipped", "sync") and values:
                    print(f"  {kit} {page}: {statistics.median(values):.2f}")
            for kit in ("as shipped", "sync"):
                for pid in workers[kit]:
                    rss, private = memory_mb(pid)
                    print(f"{kit} worker {pid}: {rss:.0f} MB resident, {private:.0f} MB private")
        print(f"start-up: import wsgi / import of its extensions = {start_up_ratio(environ):.2f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=8)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--compare", metavar="NAME=FOLDER:MODULE:PATH")
    options = parser.parse_args()
    main(options.rounds, options.seconds, options.rows, options.compare)
