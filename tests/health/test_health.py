"""/healthz and /readyz for load balancers."""

from app.health.routes import add_readiness_check


def test_healthz_answers_while_the_process_runs(client):
    """Liveness needs nothing but the process."""
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json == {"status": "ok"}


def test_readyz_is_ok_when_every_check_passes(client):
    """Ready: every check the layers added passes (the database answers and is migrated)."""
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json == {"status": "ok"}


def test_readyz_answers_503_with_the_reason_of_the_first_failing_check(make_app):
    """A layer's readiness check that fails makes the instance unready, and says why."""
    app = make_app()
    app.extensions["readiness_checks"] = []  # only this test's checks, whichever layers exist
    add_readiness_check(app, lambda: None)
    add_readiness_check(app, lambda: "the cache does not answer")
    response = app.test_client().get("/readyz")
    assert response.status_code == 503
    assert response.json == {"status": "unavailable", "reason": "the cache does not answer"}
