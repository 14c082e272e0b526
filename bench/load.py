"""Load with wrk, and the few single requests the benchmark makes with urllib."""

import re
import shutil
import signal
import subprocess
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
POST_SCRIPT = BENCH_DIR / "post.lua"
MIX_SCRIPT = BENCH_DIR / "mix.lua"
# As in STACK_NOTES.md: two load threads, sixteen connections, latency percentiles.
THREADS, CONNECTIONS = 2, 16
# wrk counts an answer slower than this as a socket error (its default, 2 s, is short for a
# busy shared machine); the p99 column shows how slow the slow answers really were.
TIMEOUT = "10s"
LATENCY_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}
CSRF_INPUT = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')


@dataclass(frozen=True)
class LoadResult:
    """What one wrk run measured."""

    requests_per_second: float
    p50_ms: float
    p99_ms: float
    requests: int
    bad_status: int  # answers that were not 2xx or 3xx
    socket_errors: int  # connect, read, write and timeout errors together


def wrk_command(url: str, seconds: int, script: Path | None, args: tuple[str, ...]) -> list[str]:
    """The wrk command line that loads `url` for `seconds`, through a Lua `script` if given."""
    return [
        shutil.which("wrk") or "wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{seconds}s",
        f"--timeout={TIMEOUT}", "--latency", *(["-s", str(script)] if script else []), url,
        *(["--", *args] if args else []),
    ]  # fmt: skip


def wrk(url: str, seconds: int, script: Path | None = None, args: tuple[str, ...] = ()):
    """Load `url` for `seconds` with wrk (and a Lua `script` given `args`); parse its report."""
    result = subprocess.run(  # noqa: S603 (fixed arguments; the URL is our own server's)
        wrk_command(url, seconds, script, args),
        capture_output=True,
        text=True,
        timeout=seconds + 60,
        check=False,
    )
    if result.returncode:
        raise RuntimeError(f"wrk failed on {url}:\n{result.stdout}{result.stderr}")
    return parse_wrk(result.stdout)


def wrk_mix(url: str, per_thread: int, mix: list[str], max_seconds: int) -> LoadResult:
    """Send the requests in `mix` (see mix.lua) in turn until each thread has `per_thread` answers.

    Once every thread has said so, this interrupts wrk (SIGINT), which then prints its report
    as usual; the report counts the few answers that arrived in between.
    """
    command = wrk_command(url, max_seconds, MIX_SCRIPT, (str(per_thread), *mix))
    with subprocess.Popen(  # noqa: S603 (fixed arguments; the URL is our own server's)
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as process:
        try:
            done = 0
            for line in process.stderr:
                done += line.strip() == "thread done"
                if done == THREADS:
                    process.send_signal(signal.SIGINT)
                    break
            report, errors = process.communicate(timeout=max_seconds + 60)
        finally:
            if process.poll() is None:  # interrupted or timed out: stop wrk too
                process.kill()
    if process.returncode or done < THREADS:
        raise RuntimeError(f"wrk failed on {url}:\n{report}{errors}")
    return parse_wrk(report)


def parse_wrk(report: str) -> LoadResult:
    """The numbers in a `wrk --latency` report."""

    def number(pattern: str, default: str | None = None) -> str:
        """The first group of `pattern` in the report."""
        match = re.search(pattern, report)
        if match is None and default is None:
            raise RuntimeError(f"unexpected wrk report, no {pattern!r}:\n{report}")
        return match.group(1) if match else default

    def latency(percent: int) -> float:
        """A latency percentile, in milliseconds."""
        value, unit = re.search(rf"^\s+{percent}%\s+([\d.]+)([a-z]+)\s*$", report, re.M).groups()
        return float(value) * LATENCY_UNITS[unit]

    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", report
    )
    return LoadResult(
        requests_per_second=float(number(r"Requests/sec:\s+([\d.]+)")),
        p50_ms=latency(50),
        p99_ms=latency(99),
        requests=int(number(r"(\d+) requests in")),
        bad_status=int(number(r"Non-2xx or 3xx responses: (\d+)", "0")),
        socket_errors=sum(map(int, socket_errors.groups())) if socket_errors else 0,
    )


class NoRedirects(urllib.request.HTTPRedirectHandler):
    """Hand redirects back, so a 303 is seen as a 303."""

    def redirect_request(self, *args, **kwargs):
        """Decline to follow."""
        return None


OPENER = urllib.request.build_opener(NoRedirects())


def fetch(url: str, body: str = "", cookie: str = "") -> tuple[int, dict[str, str], str]:
    """Status, headers and text of one request: a GET, or a form POST when `body` is given."""
    request = urllib.request.Request(url, data=body.encode() or None)  # noqa: S310 (our server)
    if cookie:
        request.add_header("Cookie", cookie)
    try:
        with OPENER.open(request, timeout=15) as answer:
            return answer.status, dict(answer.headers), answer.read().decode()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, dict(error.headers), error.read().decode()


def signed_in_form(form_url: str, fields: dict[str, str]) -> tuple[str, str]:
    """A valid POST body for the form at `form_url`, and the session cookie it needs.

    The CSRF token lives in the session cookie, so the same pair stays valid for every
    request until WTF_CSRF_TIME_LIMIT (an hour) runs out.
    """
    return form_post(form_url, *fetch(form_url), fields)


def form_post(
    form_url: str, status: int, headers: dict[str, str], page: str, fields: dict[str, str]
) -> tuple[str, str]:
    """The POST body of `fields` and the session cookie, from the answer to GET `form_url`."""
    match = CSRF_INPUT.search(page)
    if status != 200 or match is None or "Set-Cookie" not in headers:
        raise RuntimeError(f"{form_url} gave no form with a CSRF token and a session cookie")
    cookie = headers["Set-Cookie"].split(";", 1)[0]
    return urllib.parse.urlencode({**fields, "csrf_token": match.group(1)}), cookie
