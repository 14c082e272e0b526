"""Prove that every layer comes out cleanly with `flask layers remove`, as a user would do it.

For each layer, and for all of them at once, in a copy of the repository: migrate a
database (so it holds every layer's tables), run `flask layers remove LAYER --yes`, then the
README's two quickstart commands as they now read (a fresh virtualenv from the pruned
requirements; the tests pass with 100% branch coverage, the browser and nginx tests only in
the copy without every layer; the site comes up on the database it already had), and ruff.
Two more copies:
- one whose navigation text and README are reworded, so edits to unmarked lines never
  matter to the command;
- one that adds the example layer of docs/layers.md ("Adding a layer"), migration included,
  and then loses every other layer, one at a time.

Usage: .venv/bin/python .ci/check_layers.py [LAYER ...]   (default: every check)
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable  # the CI virtualenv's, which runs `flask layers` in each copy
sys.path.insert(0, str(PROJECT_ROOT))

from tests.live import free_port  # noqa: E402

LAYERS = [
    layer["name"]
    for layer in tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text())["tool"][
        "starter-kit"
    ]["layers"]
]
# The browser and nginx tests take most of the suite's time, and both legs of CI run them on
# the whole kit. A copy without some layers skips them (ruff still reads their files); the
# copy without every layer runs them too.
SLOW_TESTS = ["--ignore=tests/e2e", "--ignore=tests/deploy"]
# The suite for the copies that only prove the markers and migrations, in the CI virtualenv.
QUICK_TESTS = [PYTHON, "-m", "pytest", "-q", "--cov", *SLOW_TESTS]
# The README's commands: the first ```sh block after the line that starts with the title.
TEST_COMMAND, SITE_COMMAND = "Run the tests", "Run the site"


class CheckFailed(Exception):
    """A step of a check failed; the message says which, with its output."""


def run(copy: Path, command: list[str] | str, **environ: str) -> str:
    """Run `command` in `copy` (a shell line if a string); its output, or CheckFailed."""
    # CI's own settings stay out: each copy gets only what the call names.
    ci_only = {"TEST_DATABASE_URL", "PYTEST_ADDOPTS"}
    env = {k: v for k, v in os.environ.items() if k not in ci_only} | environ
    shell = ["bash", "-ec", command] if isinstance(command, str) else command
    result = subprocess.run(shell, cwd=copy, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        shown = command if isinstance(command, str) else " ".join(command)
        raise CheckFailed(f"`{shown}` failed:\n{result.stdout[-4000:]}{result.stderr[-3000:]}")
    return result.stdout


def flask(copy: Path, *args: str) -> str:
    """Run a `flask` command in `copy` with the CI virtualenv, as a developer would."""
    return run(copy, [PYTHON, "-m", "flask", *args])


def copy_repository(destination: Path) -> Path:
    """The repository's files (tracked and new, not ignored) copied to `destination`."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        if (PROJECT_ROOT / name).is_file():  # not deleted in the working tree
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(PROJECT_ROOT / name, destination / name)
    # The browser tests' axe-core, installed by `npm ci` like the virtualenv by pip.
    if (PROJECT_ROOT / "node_modules").exists():
        (destination / "node_modules").symlink_to(PROJECT_ROOT / "node_modules")
    return destination


def readme_commands(copy: Path, title: str) -> str:
    """The shell lines of the README's block under the line starting with `title`."""
    lines = (copy / "README.md").read_text().splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(title))
    fence = [i for i in range(start, len(lines)) if lines[i].startswith("```")][:2]
    return "\n".join(lines[fence[0] + 1 : fence[1]])


def site_comes_up(copy: Path) -> None:
    """Run the README's site command and wait for the home page; CheckFailed if it never comes."""
    port = str(free_port())
    env = {**os.environ, "FLASK_RUN_PORT": port}
    command = ["setsid", "bash", "-ec", readme_commands(copy, SITE_COMMAND)]
    with tempfile.TemporaryFile("w+") as log:
        server = subprocess.Popen(command, cwd=copy, env=env, stdout=log, stderr=log)
        try:
            for _ in range(120):
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz") as ready:
                        page = urllib.request.urlopen(f"http://127.0.0.1:{port}/").read()
                        if ready.status == 200 and b"Welcome to the Flask Starter Kit" in page:
                            return
                except OSError:
                    time.sleep(1)
            log.seek(0)
            raise CheckFailed(f"the README's site command never served the site:\n{log.read()}")
        finally:
            os.killpg(server.pid, 15)
            server.wait()


def lint(copy: Path) -> None:
    """ruff finds nothing to fix and nothing to reformat."""
    run(copy, [PYTHON, "-m", "ruff", "check", "."])
    run(copy, [PYTHON, "-m", "ruff", "format", "--check", "."])


def check_removal(names: list[str]) -> str:
    """Take `names` out of a copy with the command, then run the README's commands there."""
    with tempfile.TemporaryDirectory() as scratch:
        copy = copy_repository(Path(scratch))
        flask(copy, "db", "upgrade")  # a database that holds every layer's tables
        flask(copy, "layers", "remove", *names, "--yes")
        options = ["--cov"] if set(names) == set(LAYERS) else ["--cov", *SLOW_TESTS]
        tests = run(
            copy, readme_commands(copy, TEST_COMMAND), PYTEST_ADDOPTS=" ".join(options), CI="1"
        )
        lint(copy)
        site_comes_up(copy)
        return tests.strip().splitlines()[-1]


def check_reworded() -> str:
    """Edits to unmarked lines (navigation text, a README paragraph) never break removal."""
    with tempfile.TemporaryDirectory() as scratch:
        copy = copy_repository(Path(scratch))
        base = copy / "templates" / "base.html"
        base.write_text(base.read_text().replace(">Hello</a>", ">Say hello</a>"))
        readme = copy / "README.md"
        readme.write_text(readme.read_text().replace("A small, tested", "A small and tested"))
        flask(copy, "layers", "remove", *LAYERS, "--yes")
        if "Say hello" not in base.read_text() or "Name form" in base.read_text():
            raise CheckFailed("the reworded navigation lost the wrong lines")
        tests = run(copy, QUICK_TESTS)
        lint(copy)
        return tests.strip().splitlines()[-1]


def check_example_layer() -> str:
    """Add docs/layers.md's example layer, then take every other layer out, one at a time."""
    with tempfile.TemporaryDirectory() as scratch:
        copy = copy_repository(Path(scratch))
        add_example_layer(copy)
        results = []
        for name in [n for n in reversed(LAYERS) if n != "database"] + ["database"]:
            flask(copy, "layers", "remove", name, "--yes")
            if (copy / "migrations").exists():
                flask(copy, "db", "upgrade")  # on the database that held the layer's tables
                flask(copy, "db", "check")  # the models and the migrations still agree
            tests = run(copy, QUICK_TESTS)
            lint(copy)
            results.append(f"without {name}: {tests.strip().splitlines()[-1]}")
        return "; ".join(results)


EXAMPLE_FILES = {
    "app/notes/__init__.py": '''"""Notes: the example layer of docs/layers.md."""

from app.notes.routes import bp

__all__ = ["bp"]
''',
    "app/notes/models.py": '''"""The notes' table."""

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db


class Note(db.Model):
    """A short note."""

    __tablename__ = "notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str] = mapped_column(String(200))
''',
    "app/notes/routes.py": '''"""GET /notes/: every note, as JSON."""

from flask import Blueprint
from sqlalchemy import select

from app.extensions import db
from app.notes.models import Note

bp = Blueprint("notes", __name__)


@bp.get("/")
def list_notes():
    """All notes, oldest first."""
    notes = db.session.scalars(select(Note).order_by(Note.id))
    return {"notes": [note.text for note in notes]}
''',
    "tests/notes/__init__.py": "",
    "tests/notes/test_notes.py": """from app.extensions import db
from app.notes.models import Note


def test_notes_are_listed_as_json(client):
    db.session.add(Note(text="Remember the milk"))
    db.session.commit()
    assert client.get("/notes/").json == {"notes": ["Remember the milk"]}
""",
}


def add_example_layer(copy: Path) -> None:
    """Follow docs/layers.md's "Adding a layer" in `copy`: files, markers, migration, entry."""
    for name, text in EXAMPLE_FILES.items():
        (copy / name).parent.mkdir(parents=True, exist_ok=True)
        (copy / name).write_text(text)
    factory = copy / "app" / "__init__.py"
    after = "from app.main.name_form import bp as name_form_bp  # layer: forms\n"
    imported = "from app.notes import bp as notes_bp  # layer: notes\n"
    text = factory.read_text().replace(after, after + imported)  # where ruff sorts it
    text += '    app.register_blueprint(notes_bp, url_prefix="/notes")  # layer: notes\n'
    factory.write_text(text)
    flask(copy, "db", "upgrade")
    flask(copy, "db", "migrate", "-m", "add notes")
    [migration] = (copy / "migrations" / "versions").glob("*_add_notes.py")
    with (copy / "pyproject.toml").open("a") as pyproject:
        pyproject.write(
            '\n[[tool.starter-kit.layers]]\nname = "notes"\ntitle = "Notes"\n'
            'needs = ["database"]\n'
            f'paths = ["app/notes", "tests/notes", "{migration.relative_to(copy)}"]\n'
        )
    run(copy, [PYTHON, "-m", "ruff", "format", "--quiet", str(migration)])
    flask(copy, "db", "upgrade")
    if "notes      installed" not in flask(copy, "layers"):
        raise CheckFailed("`flask layers` does not list the example layer as installed")


def main(arguments: list[str]) -> int:
    """Run the requested checks, two at a time; 1 if any fails."""
    unknown = set(arguments) - set(LAYERS)
    if unknown:
        print(f"Unknown layers: {', '.join(sorted(unknown))}; known: {', '.join(LAYERS)}")
        return 1
    checks = {}
    if not arguments:
        # The longest check first, so that the two workers finish at about the same time.
        checks["with the example layer added"] = (check_example_layer,)
    checks |= {f"without {name}": (check_removal, [name]) for name in arguments or LAYERS}
    if not arguments:
        checks["without every layer"] = (check_removal, LAYERS)
        checks["reworded, without every layer"] = (check_reworded,)
    failed = False
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {title: pool.submit(*call) for title, call in checks.items()}
        for title, future in futures.items():
            try:
                print(f"{title}: {future.result()}", flush=True)
            except CheckFailed as error:
                print(f"{title}: FAILED\n{error}", flush=True)
                failed = True
    print(
        "Some layers cannot be taken out cleanly." if failed else "Every layer comes out cleanly."
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
