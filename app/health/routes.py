"""`/healthz`: the process answers. `/readyz`: every readiness check the layers added passes."""

from collections.abc import Callable

from flask import Blueprint, Flask, current_app

bp = Blueprint("health", __name__)

# A readiness check returns None when all is well, or the reason the instance is not ready.
ReadinessCheck = Callable[[], str | None]


def add_readiness_check(app: Flask, check: ReadinessCheck) -> None:
    """Make /readyz depend on `check` (the database layer adds one, for example)."""
    app.extensions.setdefault("readiness_checks", []).append(check)


@bp.get("/healthz")
def healthz():
    """Liveness: answering at all is the whole test."""
    return {"status": "ok"}


@bp.get("/readyz")
def readyz():
    """Readiness: 200 when every check passes, else 503 with the first failing check's reason."""
    for check in current_app.extensions.get("readiness_checks", []):
        if reason := check():
            return {"status": "unavailable", "reason": reason}, 503
    return {"status": "ok"}
