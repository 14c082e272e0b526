"""Page throughput as a ratio to a one-route Flask app, both under `gunicorn -w 2` (sync).

Seeds a throwaway SQLite database with 100,000 guestbook entries, serves the kit in
production mode with its limits off (every request comes from one address) and a
"Hello" app beside it, then runs `wrk -t2 -c16` against each page for a few seconds in
interleaved rounds, so both see the same machine. Prints requests per second and each
page's ratio to the hello app, per round and the median. docs/performance.md keeps the
figures; no test asserts them. Needs wrk (Debian's package).

Usage: .venv/bin/python .ci/bench_pages.py [--rounds 3] [--seconds 8] [--rows 100000]
"""

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

from tests.live import free_port, production_environ, run_in_project_root  # noqa: E402

PAGES = ["/", "/hello/World", "/submit", "/guestbook/", "/api/v1/entries"]
HELLO_APP = 'from flask import Flask\napp = Flask(__name__)\napp.get("/")(lambda: "Hello")\n'


def serve(module: str, cwd: Path, environ: dict[str, str]) -> tuple[subprocess.Popen, str]:
    """Start `gunicorn -w 2` (sync workers) on `module` in `cwd`; its process and base URL."""
    port = free_port()
    command = [
        sys.executable, "-m", "gunicorn", module, "--workers", "2", "--worker-class", "sync",
        "--bind", f"127.0.0.1:{port}", "--no-control-socket", "--log-level", "warning",
    ]  # fmt: skip
    process = subprocess.Popen(command, cwd=cwd, env=environ, stderr=subprocess.DEVNULL)
    base_url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        if subprocess.run(["curl", "-fs", "-o", "/dev/null", base_url + "/"]).returncode == 0:
            return process, base_url
        subprocess.run(["sleep", "0.2"])
    process.kill()
    sys.exit(f"{module} did not start")


def requests_per_second(url: str, seconds: int) -> float:
    """What `wrk -t2 -c16` measures for `url`."""
    result = subprocess.run(
        ["wrk", "-t2", "-c16", f"-d{seconds}s", url], capture_output=True, text=True, check=True
    )
    return float(re.search(r"Requests/sec:\s+([\d.]+)", result.stdout).group(1))


def main(rounds: int, seconds: int, rows: int) -> None:
    """Seed, serve both apps, measure in interleaved rounds, print the ratios."""
    with tempfile.TemporaryDirectory() as scratch:
        environ = production_environ(f"sqlite:///{scratch}/bench.db")
        environ.update(RATELIMIT_ENABLED="false", RATELIMIT_STORAGE_URI="memory://")
        for args in (["db", "upgrade"], ["seed", "--count", str(rows)]):
            run_in_project_root([sys.executable, "-m", "flask", *args], environ)
        (Path(scratch) / "hello.py").write_text(HELLO_APP)
        kit, kit_url = serve("wsgi:app", PROJECT_ROOT, environ)
        hello, hello_url = serve("hello:app", Path(scratch), environ)
        ratios: dict[str, list[float]] = {page: [] for page in PAGES}
        try:
            for number in range(1, rounds + 1):
                base = requests_per_second(hello_url + "/", seconds)
                print(f"round {number}: hello {base:.0f} req/s")
                for page in PAGES:
                    rate = requests_per_second(kit_url + page, seconds)
                    ratios[page].append(rate / base)
                    print(f"  {page:<18} {rate:8.0f} req/s  {rate / base:.2f} of hello")
        finally:
            kit.terminate()
            hello.terminate()
        print("median ratio to hello:")
        for page, values in ratios.items():
            print(f"  {page:<18} {statistics.median(values):.2f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=8)
    parser.add_argument("--rows", type=int, default=100_000)
    options = parser.parse_args()
    main(options.rounds, options.seconds, options.rows)
