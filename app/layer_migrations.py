"""When `flask layers remove` takes a layer out, its migrations go with it.

Out of the database: if the database already holds the layer's tables, the layer's own
`downgrade()` functions drop them, newest first. Out of the chain: a migration that revised
one of the layer's (one you added after it, say) then revises the one before it instead.
"""

import re
from pathlib import Path

import click
from alembic.operations import Operations
from alembic.runtime.migration import MigrationContext
from alembic.script import Script, ScriptDirectory
from sqlalchemy.exc import SQLAlchemyError

from app.extensions import db, migrate


def forget_migrations(removed: list[Path], apply: bool) -> list[str]:
    """Describe, or with `apply` do, what removing `removed` means for the migrations."""
    scripts = ScriptDirectory.from_config(migrate.get_config())
    targets = {path.resolve() for path in removed}
    # Newest first, the order to undo them in.
    gone = [script for script in scripts.walk_revisions() if is_within(script.path, targets)]
    if not gone:
        return []
    gone_ids = {script.revision for script in gone}
    notes = [f"Takes out the migration {script.revision} ({script.doc})" for script in gone]
    try:
        connection = db.engine.connect()
    except SQLAlchemyError as error:
        raise click.ClickException(
            f"Cannot reach the database to check for the layer's tables: {error.orig}"
        ) from None
    with connection, connection.begin():
        context = MigrationContext.configure(connection, opts={"render_as_batch": True})
        heads = context.get_current_heads()
        applied = {s.revision for head in heads for s in scripts.iterate_revisions(head, "base")}
        undone = [script for script in gone if script.revision in applied]
        if undone:
            notes.append(f"Drops its tables from the database ({db.engine.url.database})")
        if apply and undone:
            with Operations.context(context):
                for script in undone:
                    script.module.downgrade()
            for head in set(heads) & gone_ids:
                context.stamp(scripts, surviving_ancestor(scripts, head, gone_ids) or "base")
    for script in scripts.walk_revisions():
        if script.revision not in gone_ids and script.down_revision in gone_ids:
            new_parent = surviving_ancestor(scripts, script.down_revision, gone_ids)
            notes.append(f"Makes {script.revision} revise {new_parent} instead")
            if apply:
                relink(script, new_parent)
    return notes


def is_within(file: str, targets: set[Path]) -> bool:
    """True if `file` is one of `targets` or lies in a folder among them."""
    path = Path(file).resolve()
    return path in targets or not targets.isdisjoint(path.parents)


def surviving_ancestor(scripts: ScriptDirectory, revision: str, gone: set[str]) -> str | None:
    """The nearest revision at or below `revision` that is not in `gone` (None: the base)."""
    while revision is not None and revision in gone:
        revision = scripts.get_revision(revision).down_revision
    return revision


def relink(script: Script, parent: str | None) -> None:
    """Rewrite `script`'s file so that it revises `parent`."""
    path = Path(script.path)
    old = re.escape(script.down_revision)
    new = f'"{parent}"' if parent else "None"
    text = re.sub(
        rf"^(down_revision\b[^=\n]*=\s*)([\'\"]){old}\2",
        lambda match: match.group(1) + new,
        path.read_text(),
        flags=re.MULTILINE,
    )
    text = re.sub(rf"^Revises: {old}$", f"Revises: {parent or ''}".rstrip(), text, flags=re.M)
    path.write_text(text)
