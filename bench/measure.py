"""The measurements besides requests/s: cold start, worker memory, the test suite's time."""

import statistics

from bench.load import THREADS, wrk_mix
from bench.servers import Server, timed_run

COLD_START_COMMANDS = {
    "import wsgi": "import wsgi",
    "import flask + 3 extensions": "import flask, flask_sqlalchemy, flask_wtf, flask_migrate",
}
SUITE_COMMAND = ["-m", "pytest", "-q", "-p", "no:cacheprovider", "--ignore=tests/e2e"]
# An upper bound only: each wrk thread stops itself after its share of the requests.
MIX_MAX_SECONDS = 600


def cold_start(environ: dict[str, str], runs: int) -> dict[str, float]:
    """Median seconds of each COLD_START_COMMANDS entry, run in turn `runs` times each.

    Interleaving spreads whatever else the machine does over both; a first, unmeasured run
    of each writes the bytecode caches.
    """
    times = {label: [] for label in COLD_START_COMMANDS}
    for attempt in range(runs + 1):
        for label, code in COLD_START_COMMANDS.items():
            elapsed = timed_run(["-c", code], environ)
            if attempt:
                times[label].append(elapsed)
    return {label: statistics.median(values) for label, values in times.items()}


def suite_seconds() -> float:
    """Wall time of the test suite, as the README runs it (without the browser tests)."""
    return timed_run(SUITE_COMMAND)


def worker_memory(server: Server, mix: list[str], checkpoints: tuple[int, ...]):
    """Each worker's RSS (MB) after each checkpoint's number of requests, and the bad answers.

    `mix` is the mix.lua argument list (method, path, body, cookie for each request).
    """
    readings, served, bad = [], 0, 0
    for checkpoint in checkpoints:
        per_thread = (checkpoint - served) // THREADS
        result = wrk_mix(server.url, per_thread, mix, MIX_MAX_SECONDS)
        served += result.requests
        # Socket errors are left out: stopping each thread cuts the requests it has in flight.
        bad += result.bad_status
        readings.append((served, server.worker_rss_mb()))
    return readings, bad
