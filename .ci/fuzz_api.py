"""Fuzz the API with Schemathesis: gunicorn on a throwaway PostgreSQL database, every check on.

The fuzzer writes with a token of its own account, which it signs up for on the site's
sign-up page, as a visitor would.

Usage: .venv/bin/python .ci/fuzz_api.py POSTGRES_SERVER_URL [EXAMPLES_PER_OPERATION]
"""

import secrets
import subprocess
import sys
import tempfile
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

from tests.database.helpers import throwaway_database  # noqa: E402
from tests.helpers import CSRF_INPUT  # noqa: E402
from tests.live import Browser, gunicorn_server, production_environ  # noqa: E402

SEED = 20261126  # a fixed seed and budget: the same cases every run
ACCOUNT = "schemathesis@example.com"


def flask(environ: dict[str, str], *args: str) -> str:
    """Run a `flask` command for the app under test and return what it printed."""
    command = [sys.executable, "-m", "flask", *args]
    result = subprocess.run(
        command, cwd=PROJECT_ROOT, env=environ, capture_output=True, text=True, check=True
    )
    return result.stdout


def sign_up(base_url: str, email: str) -> None:
    """Create an account on the sign-up page, with a password no one needs to know."""
    browser = Browser()
    page = browser.get(f"{base_url}/account/sign-up", timeout=10)
    password = secrets.token_urlsafe(16)
    form = {
        "csrf_token": CSRF_INPUT.search(page.text).group(1),
        "email": email,
        "password": password,
        "confirm": password,
    }
    response = browser.post(
        f"{base_url}/account/sign-up", data=form, timeout=10, allow_redirects=False
    )
    if response.status_code != 303:
        sys.exit(f"signing up {email} failed with {response.status_code}:\n{response.text}")


def main(server_url: str, examples: int) -> int:
    """Serve the API, make an account and its token, and let Schemathesis loose on it."""
    with (
        tempfile.TemporaryDirectory() as scratch,
        throwaway_database(server_url, Path(scratch)) as database_url,
    ):
        environ = production_environ(database_url)
        # The fuzzer sends thousands of writes, and wrong tokens, from one address: far past
        # the limits layer's, which its own tests prove. Here every answer must be the API's.
        environ["RATELIMIT_ENABLED"] = "false"
        flask(environ, "db", "upgrade")
        # Entries without an author, which no token may change: PATCH and DELETE meet 403s.
        flask(environ, "seed", "--count", "20")
        with gunicorn_server(environ, Path(scratch) / "gunicorn.log") as base_url:
            sign_up(base_url, ACCOUNT)
            token = flask(environ, "api-token", "create", "--user", ACCOUNT, "schemathesis")
            fuzz = [
                sys.executable, "-m", "schemathesis.cli",
                "run", f"{base_url}/api/v1/openapi.json",
                "--checks", "all",
                "--max-examples", str(examples),
                "--seed", str(SEED),
                "--header", f"Authorization: Bearer {token.split()[-1]}",
                "--generation-database", "none",
                "--no-color",
            ]  # fmt: skip
            return subprocess.run(fuzz, cwd=scratch).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 100))
