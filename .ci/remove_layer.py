"""Take layers out of the project, with the layers that need them: `remove_layer.py NAME...`.

Everything it does is a plain step you could do by hand (docs/layers.md lists them):
downgrade the database below the layers' migrations, delete their folders, drop their line
from LAYERS in app/__init__.py and the lines marked with its name in the requirements, the
README and the CI workflow, then re-lock the requirements with pip-compile. Before it
changes anything it does the same in a scratch copy and proves the app still builds and
`flask db upgrade` and `flask db check` pass on a new database; if not, it says why and
stops. Run it from the project's virtualenv: `.venv/bin/python .ci/remove_layer.py api`.
"""

import argparse
import ast
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Files that list layers on lines of their own, each line ending in a comment that names it.
MARKED_FILES = ("requirements.in", "requirements-dev.in", "README.md", ".github/workflows/ci.yml")
LOCKS = ("requirements.in", "requirements-dev.in")  # in order: the second is pinned by the first


class Refusal(Exception):
    """The layers can't be taken out as things stand; the message says why."""


def installed_layers(root: Path) -> dict[str, tuple[str, ...]]:
    """Each layer in LAYERS (app/__init__.py), in order, with the layers it NEEDS."""
    return {name: needs_of(root, name) for name in literal(root / "app/__init__.py", "LAYERS")}


def literal(path: Path, name: str):
    """The value of the module-level assignment `name = <literal>` in `path`."""
    for node in ast.parse(path.read_text()).body:
        if isinstance(node, ast.Assign) and [t.id for t in node.targets] == [name]:
            return ast.literal_eval(node.value)
    raise Refusal(f"{path.relative_to(ROOT)} has no {name}")


def needs_of(root: Path, name: str) -> tuple[str, ...]:
    """The NEEDS of the layer `name`."""
    return tuple(literal(root / "app" / name / "__init__.py", "NEEDS"))


def with_dependents(names: list[str], layers: dict[str, tuple[str, ...]]) -> list[str]:
    """`names` and every layer that needs one of them, directly or not, in LAYERS order."""
    if unknown := sorted(set(names) - set(layers)):
        raise Refusal(f"No layer called {', '.join(unknown)}; installed: {', '.join(layers)}")
    removed = set(names)
    while extra := {n for n, needs in layers.items() if removed & set(needs)} - removed:
        removed |= extra
    return [name for name in layers if name in removed]


def owned_paths(root: Path, names: list[str]) -> list[Path]:
    """The files and folders that are the layers' own, by convention, that exist."""
    paths = []
    for name in names:
        paths += [root / "app" / name, root / "templates" / name, root / "tests" / name]
        paths += [root / "docs" / f"{name}.md", root / "static" / f"{name}.css"]
        paths += [root / "migrations" / "versions" / name]
        # Another layer's tests of this one: tests/accounts/test_limits.py goes with limits.
        paths += [*root.glob(f"tests/*/test_{name}.py"), *root.glob(f"tests/*/test_{name}_*.py")]
    # Each once, and not when a folder that holds it goes too.
    paths = [path for path in dict.fromkeys(paths) if path.exists()]
    return [path for path in paths if not any(folder in path.parents for folder in paths)]


def edited_texts(root: Path, names: list[str]) -> dict[Path, str]:
    """The shared files that name the layers, each without the lines that do."""
    marker = re.compile(rf"layer: ({'|'.join(map(re.escape, names))})\b")
    factory_line = re.compile(rf'^\s*"({"|".join(map(re.escape, names))})",\s*(#.*)?$')
    edits = {}
    for relative in (*MARKED_FILES, "app/__init__.py"):
        path = root / relative
        if path.exists():
            lines = path.read_text().splitlines(keepends=True)
            pattern = factory_line if relative == "app/__init__.py" else marker
            kept = [line for line in lines if not pattern.search(line)]
            if kept != lines:
                edits[path] = "".join(kept)
    return edits


def removed_revisions(root: Path, names: list[str]) -> tuple[str | None, set[str]]:
    """The revision the database goes back to, and the revisions that go.

    The chain must end with the layers' revisions: a migration of yours after them would
    have to be rewritten, so the removal refuses.
    """
    chain = {}  # revision -> (down_revision, path)
    for path in (root / "migrations" / "versions").rglob("*.py"):
        revision, down = literal(path, "revision"), literal(path, "down_revision")
        chain[revision] = (down, path)
    going = {rev for rev, (_, path) in chain.items() if path.parent.name in names}
    for revision, (down, path) in chain.items():
        if down in going and revision not in going:
            raise Refusal(
                f"{path.relative_to(root)} comes after the migrations of {', '.join(names)}: "
                "downgrade and delete it (or move it before them) first"
            )
    first = [chain[rev][0] for rev in going if chain[rev][0] not in going]
    return (first[0] if first else None), going


def apply(root: Path, paths: list[Path], edits: dict[Path, str]) -> None:
    """Delete `paths` and write `edits` under `root` (the project, or a scratch copy)."""
    for path in paths:
        target = root / path.relative_to(ROOT)
        if target.is_dir():
            shutil.rmtree(target)
        else:
            target.unlink()
    for path, text in edits.items():
        (root / path.relative_to(ROOT)).write_text(text)


def flask(root: Path, *args: str, environ: dict[str, str] | None = None) -> str:
    """Run a `flask` command in `root` and return its output; Refusal if it fails."""
    env = {**os.environ, "APP_ENV": "development", **(environ or {})}
    command = [sys.executable, "-m", "flask", *args]
    result = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise Refusal(f"`flask {' '.join(args)}` fails:\n{result.stdout}{result.stderr}")
    return result.stdout


def prove_in_copy(paths: list[Path], edits: dict[Path, str]) -> None:
    """Make the change in a scratch copy: the app must build, and migrate a new database."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\0")
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch)
        for name in filter(None, listed):
            if (ROOT / name).is_file():
                (copy / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(ROOT / name, copy / name)
        apply(copy, [p for p in paths if (copy / p.relative_to(ROOT)).exists()], edits)
        database = {"DATABASE_URL": f"sqlite:///{copy / 'proof.db'}"}
        commands = flask(copy, "--help", environ=database)
        flask(copy, "routes", environ=database)
        if re.search(r"^\s+db\s", commands, re.MULTILINE):  # while a layer gives `flask db`
            flask(copy, "db", "upgrade", environ=database)
            flask(copy, "db", "check", environ=database)


def relock() -> None:
    """Pin the requirements again from the edited .in files (pip-compile keeps other pins)."""
    for source in LOCKS:
        command = [sys.executable, "-m", "piptools", "compile", "--quiet", source]
        if subprocess.run(command, cwd=ROOT).returncode != 0:
            print(f"pip-compile failed: run it yourself: pip-compile {source}")


def main() -> int:
    """Parse the command line, prove the removal, then make it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="+", help="the layers to take out")
    parser.add_argument("--yes", action="store_true", help="do it without asking")
    options = parser.parse_args()
    try:
        names = with_dependents(options.names, installed_layers(ROOT))
        paths, edits = owned_paths(ROOT, names), edited_texts(ROOT, names)
        target, revisions = removed_revisions(ROOT, names)
        print(f"Taking out: {', '.join(names)}")
        for path in [*paths, *edits]:
            print(f"  {'edits' if path in edits else 'deletes'} {path.relative_to(ROOT)}")
        prove_in_copy(paths, edits)
        print("Proved in a scratch copy: the app builds, and migrates a new database.")
        if not options.yes and input("Go ahead? [y/N] ").strip().lower() != "y":
            return 1
        # Your database (DATABASE_URL, or instance/app.db) loses the layers' tables.
        if set(flask(ROOT, "db", "current").split()) & revisions:
            flask(ROOT, "db", "downgrade", target or "base")
    except Refusal as refusal:
        print(f"Nothing changed: {refusal}", file=sys.stderr)
        return 1
    apply(ROOT, paths, edits)
    relock()
    print("Done. Run the tests: .venv/bin/pytest")
    return 0


if __name__ == "__main__":
    sys.exit(main())
