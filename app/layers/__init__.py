"""`flask layers`: list the kit's layers, and take out the ones you don't need.

A layer's own files and folders are listed in `[tool.starter-kit]` in pyproject.toml;
the lines it adds to shared files are marked where they stand (see app/layers/markers.py).
Taking a layer out deletes both, the packages only it needed, and its migrations.
"""

from collections.abc import Callable
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import AppGroup

from app.layers.catalog import UnknownLayer, read_layers, with_dependents
from app.layers.locks import prune_lock, requirement_names
from app.layers.markers import MarkerError, strip_layers

PROJECT_ROOT = Path(__file__).resolve().parents[2]
# What is never a layer's: tools' folders, installed packages, the instance folder.
SKIPPED_DIRS = {".git", ".venv", "venv", "node_modules", "__pycache__", "instance", "htmlcov"}
# Input file, lock file: the lock lists what the input asks for, under `-r <input>`.
LOCKS = (("requirements.in", "requirements.txt"), ("requirements-dev.in", "requirements-dev.txt"))
# A removal step sees the paths about to be deleted; with apply=False it only describes.
RemovalStep = Callable[[list[Path], bool], list[str]]


@click.group("layers", cls=AppGroup, invoke_without_command=True)
@click.pass_context
def layers(context: click.Context) -> None:
    """List the kit's layers (what each needs, whether it is installed), or take some out."""
    if context.invoked_subcommand is None:
        context.invoke(list_layers)


def add_removal_step(app: Flask, step: RemovalStep) -> None:
    """Have `flask layers remove` also run `step` (the database layer's migrations, say)."""
    app.extensions.setdefault("layer_removal_steps", []).append(step)


def init_layers(app: Flask) -> None:
    """Add `flask layers` to the app's commands."""
    app.cli.add_command(layers)


@layers.command("list", with_appcontext=False)
def list_layers() -> None:
    """Show each layer, what it needs, and whether it is installed."""
    for layer in read_layers(PROJECT_ROOT).values():
        state = "installed" if layer.is_installed(PROJECT_ROOT) else "taken out"
        needs = ", ".join(layer.needs) or "-"
        click.echo(f"{layer.name:<10} {state:<10} needs: {needs:<20} {layer.title}")


@layers.command("remove")
@click.argument("names", nargs=-1, required=True)
@click.option("--yes", is_flag=True, help="Do it without asking first.")
def remove_layers(names: tuple[str, ...], yes: bool) -> None:
    """Take out the layers NAMES, and every layer that needs them."""
    catalog = read_layers(PROJECT_ROOT)
    try:
        removed = with_dependents(list(names), catalog)
    except UnknownLayer as error:
        raise click.UsageError(str(error)) from None
    paths = [PROJECT_ROOT / p for n in removed for p in catalog[n].paths]
    # Each path once, and not when a folder that holds it goes too.
    paths = [p for p in paths if p.exists() and not any(q in p.parents for q in paths)]
    try:
        edits = marked_edits(set(removed))
    except MarkerError as error:
        raise click.ClickException(str(error)) from None
    # A file that goes anyway needs no edit (the account page's line for the API, say).
    edits = {
        path: text
        for path, text in edits.items()
        if not any(path == p or p in path.parents for p in paths)
    }
    locks, dropped = pruned_locks(edits)
    steps = current_app.extensions.get("layer_removal_steps", [])
    click.echo(f"Taking out: {', '.join(catalog[n].title for n in removed)}")
    click.echo("Deletes:")
    for path in paths:
        click.echo(f"  {path.relative_to(PROJECT_ROOT)}")
    click.echo("Removes the marked lines of:")
    for path in edits:
        click.echo(f"  {path.relative_to(PROJECT_ROOT)}")
    if dropped:
        click.echo(f"Drops from the lock files: {', '.join(sorted(dropped))}")
    for step in steps:
        for line in step(paths, False):
            click.echo(line)
    if not yes:
        click.confirm("Go ahead?", abort=True)
    for step in steps:
        step(paths, True)
    for path in paths:
        delete(path)
    for path, text in {**edits, **locks}.items():
        path.write_text(text)
    click.echo("Done. Run the tests to check what remains.")


def marked_edits(names: set[str]) -> dict[Path, str]:
    """Every text file with lines marked for the layers `names`, and its text without them."""
    edits = {}
    for path, text in sorted(text_files(PROJECT_ROOT)):
        try:
            stripped = strip_layers(text, names)
        except MarkerError as error:
            raise MarkerError(f"{path.relative_to(PROJECT_ROOT)}: {error}") from None
        if stripped != text:
            edits[path] = stripped
    return edits


def text_files(root: Path):
    """Yield each of the project's text files and its text, outside folders no layer owns."""
    for path in root.iterdir():
        if path.is_dir():
            if path.name not in SKIPPED_DIRS:
                yield from text_files(path)
            continue
        try:
            yield path, path.read_text()
        except UnicodeDecodeError:
            continue  # an image or another binary file


def pruned_locks(edits: dict[Path, str]) -> tuple[dict[Path, str], set[str]]:
    """The lock files without the packages that the edited input files stop asking for,
    and the names of those packages.
    """
    unasked: dict[str, set[str]] = {}
    locks, dropped = {}, set()
    for input_name, lock_name in LOCKS:
        source, lock = PROJECT_ROOT / input_name, PROJECT_ROOT / lock_name
        if not lock.exists():
            continue
        before = source.read_text().splitlines()
        after = edits.get(source, source.read_text()).splitlines()
        unasked[f"-r {input_name}"] = requirement_names(before) - requirement_names(after)
        locks[lock], gone = prune_lock(lock.read_text(), unasked)
        # A package the first lock dropped is no longer a constraint on the second.
        unasked[f"-c {lock_name}"] = gone
        dropped |= gone
    return locks, dropped


def delete(path: Path) -> None:
    """Delete a file, or a folder and everything in it."""
    if path.is_dir():
        for child in path.iterdir():
            delete(child)
        path.rmdir()
    else:
        path.unlink()
