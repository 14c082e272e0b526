"""Turn the measurements into tables, and name every budget they miss."""

import statistics
from dataclasses import dataclass, field

from bench.load import LoadResult
from bench.pages import (
    BARE,
    FLAT_PAIRS,
    HELLO,
    MAX_COLD_START_RATIO,
    MAX_FLAT_P50_RATIO,
    MAX_RSS_GROWTH,
    MAX_SEED_SECONDS,
    MAX_WORKER_RSS_MB,
    Page,
)


@dataclass
class PageResults:
    """Every wrk run of one page: the warm-up and each measured round."""

    page: Page
    label: str
    rounds: list[LoadResult] = field(default_factory=list)
    failures: int = 0  # non-2xx/3xx answers and socket errors, warm-up included

    def add(self, result: LoadResult, measured: bool = True) -> None:
        """Count a run's failures, and keep it for the medians if it was a measured round."""
        self.failures += result.bad_status + result.socket_errors
        if measured:
            self.rounds.append(result)

    def median(self, name: str) -> float:
        """The median over the rounds of one LoadResult field."""
        return statistics.median(getattr(result, name) for result in self.rounds)


@dataclass
class Extras:
    """The measurements that are not one page's requests/s."""

    cold_start: dict[str, float]
    rss: list[tuple[int, dict[int, float]]]
    rss_failures: int
    seed_rows: int
    seed_seconds: float
    suite_seconds: float | None


def page_table(results: dict[Page, PageResults]) -> list[str]:
    """The Markdown table of requests/s, latency and ratios to both references."""
    bare, hello = (
        results[BARE].median("requests_per_second"),
        results[HELLO].median("requests_per_second"),
    )
    lines = [
        "| page | req/s (median) | p50 ms | p99 ms | x bare WSGI | x Flask hello | budget |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for page, runs in results.items():
        rps = runs.median("requests_per_second")
        budget = f">= {page.min_ratio:.2f} x hello" if page.min_ratio else ""
        lines.append(
            f"| {runs.label} | {rps:,.0f} | {runs.median('p50_ms'):.2f} | "
            f"{runs.median('p99_ms'):.2f} | {rps / bare:.2f} | {rps / hello:.2f} | {budget} |"
        )
    return lines


def extras_table(results: dict[Page, PageResults], extras: Extras) -> list[str]:
    """The Markdown table of flatness, cold start, memory, seeding and the suite's time."""
    lines = ["| measurement | result | budget |", "|---|---|---|"]
    for many, few in FLAT_PAIRS:
        if many in results and few in results:
            ratio = results[many].median("p50_ms") / results[few].median("p50_ms")
            lines.append(
                f"| p50 {results[many].label} / {results[few].label} | {ratio:.2f} | "
                f"<= {MAX_FLAT_P50_RATIO} |"
            )
    (wsgi, wsgi_seconds), (bare, bare_seconds) = extras.cold_start.items()
    lines.append(
        f"| cold start: `{wsgi}` / `{bare}` (medians) | {wsgi_seconds:.3f} s / "
        f"{bare_seconds:.3f} s = {wsgi_seconds / bare_seconds:.2f} | <= {MAX_COLD_START_RATIO} |"
    )
    for served, workers in extras.rss:
        sizes = ", ".join(f"{size:.1f}" for size in workers.values())
        lines.append(
            f"| worker RSS after {served:,} requests | {sizes} MB | <= {MAX_WORKER_RSS_MB} MB |"
        )
    growth = rss_growth(extras.rss)
    lines.append(f"| worker RSS growth | {growth:+.1%} | < {MAX_RSS_GROWTH:.0%} |")
    lines.append(
        f"| `flask seed --count {extras.seed_rows}` | {extras.seed_seconds:.1f} s | "
        f"< {MAX_SEED_SECONDS} s (at 1000000) |"
    )
    suite = "not run" if extras.suite_seconds is None else f"{extras.suite_seconds:.1f} s"
    lines.append(f"| test suite (`pytest --ignore=tests/e2e`) | {suite} | |")
    return lines


def rss_growth(rss: list[tuple[int, dict[int, float]]]) -> float:
    """The largest relative growth of any worker between the first and the last reading."""
    first, last = rss[0][1], rss[-1][1]
    return max(last[pid] / first[pid] - 1 for pid in first)


def failed_requests(results: dict[Page, PageResults], extras: Extras) -> list[str]:
    """A line for each page, or the memory run, that had an answer outside 2xx/3xx."""
    misses = [
        f"{runs.label}: {runs.failures} answers not 2xx/3xx (or socket errors)"
        for runs in results.values()
        if runs.failures
    ]
    if extras.rss_failures:
        misses.append(f"memory run: {extras.rss_failures} answers not 2xx/3xx")
    return misses


def missed_budgets(results: dict[Page, PageResults], extras: Extras) -> list[str]:
    """A line naming each budget the measurements miss."""
    hello = results[HELLO].median("requests_per_second")
    misses = []
    for page, runs in results.items():
        ratio = runs.median("requests_per_second") / hello
        if page.min_ratio and ratio < page.min_ratio:
            misses.append(f"{runs.label}: {ratio:.2f} x Flask hello, budget >= {page.min_ratio}")
    for many, few in FLAT_PAIRS:
        if many in results and few in results:
            ratio = results[many].median("p50_ms") / results[few].median("p50_ms")
            if ratio > MAX_FLAT_P50_RATIO:
                misses.append(
                    f"flat: p50 of {results[many].label} is {ratio:.2f} x that of "
                    f"{results[few].label}, budget <= {MAX_FLAT_P50_RATIO}"
                )
    (wsgi, wsgi_seconds), (bare, bare_seconds) = extras.cold_start.items()
    if wsgi_seconds / bare_seconds > MAX_COLD_START_RATIO:
        misses.append(
            f"cold start: `{wsgi}` takes {wsgi_seconds / bare_seconds:.2f} x `{bare}`, "
            f"budget <= {MAX_COLD_START_RATIO}"
        )
    for served, workers in extras.rss:
        for pid, size in workers.items():
            if size > MAX_WORKER_RSS_MB:
                misses.append(f"worker {pid}: {size:.1f} MB after {served:,} requests")
    if rss_growth(extras.rss) >= MAX_RSS_GROWTH:
        misses.append(
            f"worker RSS grew {rss_growth(extras.rss):.1%}, budget < {MAX_RSS_GROWTH:.0%}"
        )
    if extras.seed_seconds >= MAX_SEED_SECONDS:
        misses.append(f"flask seed took {extras.seed_seconds:.1f} s, budget < {MAX_SEED_SECONDS} s")
    return misses
