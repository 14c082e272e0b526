"""Fuzz the API with Schemathesis: gunicorn on a throwaway PostgreSQL database, every check on.

Usage: .venv/bin/python .ci/fuzz_api.py POSTGRES_SERVER_URL [EXAMPLES_PER_OPERATION]
"""

import subprocess
import sys
import tempfile
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

from tests.database_helpers import throwaway_database  # noqa: E402
from tests.live import gunicorn_server, production_environ  # noqa: E402

SEED = 20261126  # a fixed seed and budget: the same cases every run


def flask(environ: dict[str, str], *args: str) -> str:
    """Run a `flask` command for the app under test and return what it printed."""
    command = [sys.executable, "-m", "flask", *args]
    result = subprocess.run(
        command, cwd=PROJECT_ROOT, env=environ, capture_output=True, text=True, check=True
    )
    return result.stdout


def main(server_url: str, examples: int) -> int:
    """Serve the API, create a token, and let Schemathesis loose on it; its exit code."""
    with (
        tempfile.TemporaryDirectory() as scratch,
        throwaway_database(server_url, Path(scratch)) as database_url,
    ):
        environ = production_environ(database_url)
        flask(environ, "db", "upgrade")
        token = flask(environ, "api-token", "create", "schemathesis").split()[-1]
        with gunicorn_server(environ, Path(scratch) / "gunicorn.log") as base_url:
            fuzz = [
                sys.executable, "-m", "schemathesis.cli",
                "--config-file", str(PROJECT_ROOT / ".ci" / "schemathesis.toml"),
                "run", f"{base_url}/api/v1/openapi.json",
                "--checks", "all",
                "--max-examples", str(examples),
                "--seed", str(SEED),
                "--header", f"Authorization: Bearer {token}",
                "--generation-database", "none",
                "--no-color",
            ]  # fmt: skip
            return subprocess.run(fuzz, cwd=scratch).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 100))
