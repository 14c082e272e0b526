"""Load smoke: the layers' Locust users against gunicorn on a throwaway SQLite database.

Runs Locust headless for a few seconds and exits with its exit code, which is non-zero when
any request failed. The options make it a longer measurement too, for example
`--rows 100000 --users 20 --run-time 60s`.

Usage: .venv/bin/python .ci/load_smoke.py [--rows N] [--users N] [--run-time 5s]
"""

import argparse
import os
import secrets
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

from tests.database.helpers import throwaway_database  # noqa: E402
from tests.helpers import CSRF_INPUT  # noqa: E402
from tests.live import Browser, flask_or_exit, gunicorn_server, production_environ  # noqa: E402

# Each layer that has Locust users keeps them in tests/NAME/locustfile.py.
LOCUSTFILES = sorted((PROJECT_ROOT / "tests").glob("*/locustfile.py"))


def sign_up(base_url: str) -> str:
    """Make an account through the sign-up form, as a person would; return its email."""
    email, password = f"load-smoke-{uuid.uuid4().hex}@example.com", secrets.token_urlsafe(12)
    browser = Browser()
    token = CSRF_INPUT.search(browser.get(f"{base_url}/account/sign-up").text).group(1)
    form = {"email": email, "password": password, "confirm": password, "csrf_token": token}
    answer = browser.post(f"{base_url}/account/sign-up", form, allow_redirects=False)
    if answer.status_code != 303:
        sys.exit(f"signing up for the load test's API token failed: {answer.status_code}")
    return email


def main(rows: int, users: int, run_time: str) -> int:
    """Seed a database, serve it with gunicorn, load it with Locust; Locust's exit code."""
    with tempfile.TemporaryDirectory() as scratch, throwaway_database(None, Path(scratch)) as url:
        environ = production_environ(url)
        # Every simulated user comes from this one address, which would soon meet the rate
        # limits meant for one person: they are off for the load test.
        environ["RATELIMIT_ENABLED"] = "false"
        environ["RATELIMIT_STORAGE_URI"] = "memory://"
        flask_or_exit(environ, "db", "upgrade")
        flask_or_exit(environ, "seed", "--count", str(rows))
        locust_environ = dict(os.environ)
        with gunicorn_server(environ, Path(scratch) / "gunicorn.log") as base_url:
            # The API's users write with a token, which belongs to an account: make one.
            if (PROJECT_ROOT / "app" / "api").is_dir():
                email = sign_up(base_url)
                created = flask_or_exit(
                    environ, "api-token", "create", "--user", email, "load-smoke"
                )
                locust_environ["API_TOKEN"] = created.split()[-1]
            load = [
                sys.executable, "-m", "locust", "--host", base_url,
                "-f", ",".join(map(str, LOCUSTFILES)),
                "--headless", "--users", str(users), "--spawn-rate", str(users),
                "--run-time", run_time, "--only-summary",
            ]  # fmt: skip
            # From the scratch folder, so no locust.conf or [tool.locust] is picked up.
            return subprocess.run(load, cwd=scratch, env=locust_environ).returncode


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1000, help="guestbook entries to seed")
    parser.add_argument("--users", type=int, default=10, help="simulated users, all at once")
    parser.add_argument("--run-time", default="5s", help="how long to load, as Locust reads it")
    options = parser.parse_args()
    sys.exit(main(options.rows, options.users, options.run_time))
