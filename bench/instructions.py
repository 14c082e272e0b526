"""`python -m bench.instructions`: CPU instructions per request of each page, by callgrind.

Requests per second drift with whatever else a shared machine does; instruction counts do
not. Each page is requested straight through its WSGI app, in a process of its own app under
`valgrind --tool=callgrind`, with counting switched on only around a loop of requests: the
same code counts the same every time. Use it to see what a change to the kit costs; the
budgets themselves are judged by `python -m bench`, under real load.
"""

import argparse
import operator
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from werkzeug.test import EnvironBuilder

from bench.load import form_post
from bench.pages import HELLO, PAGES, POST_FIELDS
from bench.servers import PROJECT_ROOT, create_database, production_environment

ROWS = 1_000
REQUESTS = 100  # counted per page, after as many uncounted ones that warm caches up
# Counting is on only inside operator.call (this C function), which wraps each page's loop,
# and callgrind writes a profile as each call ends: one file, and one total, per page.
COUNTED_FUNCTION = "_operator_call"
TOTAL = re.compile(r"^(?:summary|totals): (\d+)$", re.M)


def pages_of(app_name: str, only: str = "") -> list[tuple[str, str, str]]:
    """(label, method, path) of each distinct page of `app_name` ("hello" or "kit").

    Only the pages whose label contains `only`, when it is given.
    """
    pages = [HELLO] if app_name == "hello" else [p for p in PAGES if p.server.startswith("kit")]
    distinct = {(page.method, page.path): page.label.format(rows=f"{ROWS:,}") for page in pages}
    return [(label, method, path) for (method, path), label in distinct.items() if only in label]


def wsgi_environ(method: str, path: str, body: bytes = b"", cookie: str = "") -> dict:
    """The WSGI environ of one request, built by Werkzeug's test tools."""
    return EnvironBuilder(
        path,
        method=method,
        data=body,
        content_type="application/x-www-form-urlencoded" if body else None,
        headers={"Cookie": cookie} if cookie else None,
    ).get_environ()


def call(app, environ: dict) -> tuple[str, dict[str, str], bytes]:
    """Status, headers and body of one request to the WSGI `app`."""
    answer = {}

    def start_response(status, headers, exc_info=None):
        """Keep the status and headers the app answers with."""
        answer.update(status=status, headers=dict(headers))

    chunks = app(environ, start_response)
    try:
        body = b"".join(chunks)
    finally:
        getattr(chunks, "close", lambda: None)()
    return answer["status"], answer["headers"], body


def call_each(app, environs: list[dict]) -> None:
    """Make one request to `app` per environ: the loop whose instructions are counted."""
    for environ in environs:
        call(app, environ)


def signed_in_post(app, path: str) -> tuple[bytes, str]:
    """The body and session cookie of a valid form POST to `path`, as the benchmark sends."""
    status, headers, page = call(app, wsgi_environ("GET", path))
    body, cookie = form_post(path, int(status[:3]), headers, page.decode(), POST_FIELDS)
    return body.encode(), cookie


def load_app(app_name: str):
    """The WSGI app, and a cursor halfway down the guestbook (kit only).

    Imported here, in the child, so that the hello reference's process holds only Flask, as
    its gunicorn worker does: counted in the kit's process, hello took twice the instructions.
    """
    if app_name == "hello":
        from bench.reference_apps import hello

        return hello, ""
    from app.pagination import OLDER, encode_cursor
    from wsgi import app

    with app.app_context():
        return app, encode_cursor(OLDER, ROWS // 2)


def count_pages(app_name: str, only: str) -> None:
    """The child, under callgrind: each page's counted loop inside one operator.call."""
    app, cursor = load_app(app_name)
    for label, method, path in pages_of(app_name, only):
        path = path.format(deep_cursor=cursor)
        body, cookie = signed_in_post(app, path) if method == "POST" else (b"", "")
        environs = [wsgi_environ(method, path, body, cookie) for _ in range(2 * REQUESTS)]
        for environ in environs[:REQUESTS]:  # the warm-up, not counted
            status = call(app, environ)[0]
            if not status.startswith(("2", "3")):
                sys.exit(f"{label}: {path} answered {status}")
        operator.call(call_each, app, environs[REQUESTS:])


def run_callgrind(app_name: str, only: str, environ: dict, out_dir: Path) -> list[int]:
    """Run count_pages(app_name, only) under callgrind; the instructions of each page's loop."""
    out_file = out_dir / f"{app_name}.callgrind"
    command = [
        shutil.which("valgrind") or "valgrind", "--tool=callgrind", "--collect-atstart=no",
        f"--toggle-collect={COUNTED_FUNCTION}", f"--dump-after={COUNTED_FUNCTION}",
        f"--callgrind-out-file={out_file}",
        sys.executable, "-m", "bench.instructions", "--child", app_name, "--pages", only,
    ]  # fmt: skip
    # A fixed hash seed: the same dict and set layouts, so the same instructions, every run.
    environ = {**environ, "PYTHONHASHSEED": "0"}
    result = subprocess.run(  # noqa: S603 (fixed arguments)
        command, cwd=PROJECT_ROOT, env=environ, capture_output=True, text=True, check=False
    )
    if result.returncode:
        raise RuntimeError(f"callgrind run failed:\n{result.stdout}{result.stderr[-3000:]}")
    dumps = sorted(out_dir.glob(f"{out_file.name}.*"), key=lambda path: int(path.suffix[1:]))
    return [int(TOTAL.search(dump.read_text()).group(1)) for dump in dumps]


def main(argv: list[str] | None = None) -> int:
    """Seed a database, count every page, print thousands of instructions per request."""
    parser = argparse.ArgumentParser(prog="python -m bench.instructions", description=__doc__)
    parser.add_argument("--pages", default="", help="only the pages whose label contains this")
    parser.add_argument("--child", choices=["hello", "kit"], help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.child:
        count_pages(options.child, options.pages)
        return 0
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed: apt-get install valgrind")
    workdir = Path(tempfile.mkdtemp(prefix="kit-instructions-"))
    try:
        environ = production_environment(os.urandom(32).hex(), workdir / "kit.db")
        create_database(environ, ROWS)
        print(f"{'page':<36} {'thousand instructions per request':>34}")
        for app_name in ("hello", "kit"):
            pages = pages_of(app_name, options.pages)
            totals = run_callgrind(app_name, options.pages, environ, workdir) if pages else []
            for (label, _, _), total in zip(pages, totals, strict=True):
                print(f"{label:<36} {total / REQUESTS / 1000:>34,.0f}")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
