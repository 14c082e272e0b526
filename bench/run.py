"""`python -m bench`: serve the kit and two reference apps with gunicorn, load them, judge.

Every page is loaded in interleaved rounds (round 2 starts where round 1 started plus one),
so that whatever else the machine does lands on every page alike; the tables report medians.
"""

import argparse
import os
import platform
import secrets
import shutil
import sqlite3
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from app import create_app
from app.pagination import OLDER, encode_cursor
from bench import measure
from bench.load import POST_SCRIPT, fetch, signed_in_form, wrk
from bench.pages import (
    KIT_SERVERS,
    PAGES,
    POST_FIELDS,
    REFERENCE_SERVERS,
    RSS_CHECKPOINTS,
    Page,
)
from bench.report import (
    Extras,
    PageResults,
    extras_table,
    failed_requests,
    missed_budgets,
    page_table,
)
from bench.servers import create_database, production_environment, servers
from config import ProductionConfig

SMOKE = {"rounds": 1, "duration": 2, "warmup": 0, "rows": 20_000, "cold_runs": 2}
SMOKE_RSS_CHECKPOINTS = (500, 2_500)
FAILED_REQUESTS = 2  # exit status when an answer was not 2xx/3xx; 1 when only budgets missed


@dataclass(frozen=True)
class Target:
    """A page made concrete for one run: its URL, and the form body and cookie of a POST."""

    url: str
    path: str
    body: str = ""
    cookie: str = ""


def positive(text: str) -> int:
    """A command-line number that must be 1 or more."""
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return value


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    """The command line; --smoke is a short run that checks answers but no budget."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--rounds", type=positive, default=3, help="interleaved rounds (3)")
    parser.add_argument(
        "--duration", type=positive, default=10, help="seconds per page, per round (10)"
    )
    parser.add_argument("--warmup", type=int, default=3, help="seconds per page before round 1 (3)")
    parser.add_argument("--rows", type=positive, default=1_000_000, help="rows of the big database")
    parser.add_argument(
        "--cold-runs", type=positive, default=10, help="runs of each cold import (10)"
    )
    parser.add_argument("--pages", default="", help="only the pages whose label contains this")
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="1 round of 2 s, 20,000 rows, no warm-up, no test suite, no budgets: "
        "only fail on answers outside 2xx/3xx",
    )
    options = parser.parse_args(argv)
    if options.smoke:
        vars(options).update(SMOKE)
    return options


def deep_cursor(environ: dict[str, str], rows: int) -> str:
    """The cursor of the page halfway down a guestbook of `rows`, signed as the app signs it."""
    app = create_app(ProductionConfig(environ))
    with app.app_context():
        return encode_cursor(OLDER, rows // 2)


def machine() -> str:
    """One line about the machine, for the reader of the tables."""
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    return (
        f"{os.cpu_count()} cores ({platform.processor() or platform.machine()}), load average "
        f"{load} at start; Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}"
    )


def load(page: Page, target: Target, seconds: int):
    """One wrk run of `page`."""
    if page.method == "POST":
        return wrk(target.url, seconds, POST_SCRIPT, (target.body, target.cookie))
    return wrk(target.url, seconds)


def resolve(pages: list[Page], running, rows: dict[str, int], cursors: dict[str, str]):
    """Each page's label and Target, after one request to check it answers 2xx or 3xx.

    A page whose route does not exist yet is left out with a note, when it says it may be.
    """
    resolved = {}
    for page in pages:
        server = running[page.server]
        fill = {"rows": f"{rows.get(page.server, 0):,}", "deep_cursor": cursors.get(page.server)}
        label, path = page.label.format(**fill), page.path.format(**fill)
        url = server.url + path
        target = Target(url, path)
        if page.method == "POST":
            target = Target(url, path, *signed_in_form(url, POST_FIELDS))
        status = fetch(url, target.body, target.cookie)[0]
        if status == 404 and page.until_route_exists:
            print(f"note: skipping {label}: {page.path} answers 404 (not built yet)")
            continue
        if not 200 <= status < 400:
            raise RuntimeError(f"{label}: {url} answered {status}")
        resolved[page] = (label, target)
    return resolved


def load_pages(targets: dict, options: argparse.Namespace) -> dict[Page, PageResults]:
    """Warm every page up, then load each in turn, round after round, shifting the order."""
    results = {page: PageResults(page, label) for page, (label, _) in targets.items()}
    if options.warmup:
        print(f"warm-up: {options.warmup} s per page")
        for page, (_, target) in targets.items():
            results[page].add(load(page, target, options.warmup), measured=False)
    pages = list(targets)
    for number in range(options.rounds):
        shift = number % len(pages)
        for page in pages[shift:] + pages[:shift]:
            result = load(page, targets[page][1], options.duration)
            results[page].add(result)
            print(
                f"round {number + 1}/{options.rounds}: {results[page].label}: "
                f"{result.requests_per_second:,.0f} req/s, p50 {result.p50_ms:.2f} ms"
            )
    return results


def report(results: dict[Page, PageResults], extras: Extras, smoke: bool) -> int:
    """Print both tables and every miss; return the exit status."""
    print()
    print("\n".join(page_table(results)))
    print()
    print("\n".join(extras_table(results, extras)))
    print()
    failures = failed_requests(results, extras)
    misses = [] if smoke else missed_budgets(results, extras)
    if smoke:
        print("smoke run: budgets not checked")
    for problem in failures + misses:
        print(f"MISSED: {problem}")
    print("FAILED" if failures or misses else "OK: every check passed")
    return FAILED_REQUESTS if failures else int(bool(misses))


def benchmark(options: argparse.Namespace, workdir: Path) -> int:
    """Run everything; print the tables; return the exit status."""
    print(f"machine: {machine()}")
    secret_key = secrets.token_hex(32)
    rows = {"kit": KIT_SERVERS["kit"], "kit-big": options.rows}
    environs = {name: production_environment(secret_key, workdir / f"{name}.db") for name in rows}
    seed_seconds = {name: create_database(environs[name], count) for name, count in rows.items()}
    cursors = {name: deep_cursor(environs[name], count) for name, count in rows.items()}
    specs = {name: (app, environs["kit"], "/") for name, app in REFERENCE_SERVERS.items()}
    specs |= {name: ("wsgi:app", environs[name], "/readyz") for name in rows}
    chosen = [
        page for page in PAGES if page.server in REFERENCE_SERVERS or options.pages in page.label
    ]
    with servers(specs, workdir) as running:
        targets = resolve(chosen, running, rows, cursors)
        results = load_pages(targets, options)

    checkpoints = SMOKE_RSS_CHECKPOINTS if options.smoke else RSS_CHECKPOINTS
    print(f"memory: a fresh server, every kit page in turn, {checkpoints[-1]:,} requests")
    mix = [
        value
        for page, (_, target) in targets.items()
        if page.server in rows
        for value in (page.method, target.path, target.body, target.cookie)
    ]
    with servers({"kit-rss": ("wsgi:app", environs["kit-big"], "/readyz")}, workdir) as fresh:
        rss, rss_failures = measure.worker_memory(fresh["kit-rss"], mix, checkpoints)

    print(f"cold start: {options.cold_runs} interleaved runs of each import")
    cold = measure.cold_start(environs["kit"], options.cold_runs)
    suite = None
    if not options.smoke:
        print("test suite: timing one run")
        suite = measure.suite_seconds()
    extras = Extras(cold, rss, rss_failures, rows["kit-big"], seed_seconds["kit-big"], suite)
    return report(results, extras, options.smoke)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark in a temporary directory, removed afterwards.

    The server logs are kept, without the databases, when a request failed or the run broke.
    """
    options = parse_arguments(argv)
    workdir = Path(tempfile.mkdtemp(prefix="kit-bench-"))
    status = FAILED_REQUESTS
    try:
        status = benchmark(options, workdir)
    finally:
        if status == FAILED_REQUESTS:
            for database in workdir.glob("*.db*"):
                database.unlink()
            print(f"server logs kept in {workdir}", file=sys.stderr)
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    return status
