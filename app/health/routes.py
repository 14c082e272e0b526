"""`/healthz`: the process answers. `/readyz`: the database answers and is fully migrated."""

from functools import cache

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask import Blueprint
from sqlalchemy.exc import SQLAlchemyError

from app.extensions import db, migrate

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz():
    """Liveness: answering at all is the whole test."""
    return {"status": "ok"}


@bp.get("/readyz")
def readyz():
    """Readiness: 200 once the database answers and its schema is at the newest migration."""
    try:
        applied = MigrationContext.configure(db.session.connection()).get_current_heads()
    except SQLAlchemyError:
        return {"status": "unavailable", "reason": "the database does not answer"}, 503
    if set(applied) != migration_heads():
        return {"status": "unavailable", "reason": "run `flask db upgrade`"}, 503
    return {"status": "ok"}


@cache
def migration_heads() -> frozenset[str]:
    """The newest revisions in the migrations folder; read once, they change only on deploy."""
    return frozenset(ScriptDirectory.from_config(migrate.get_config()).get_heads())
