"""/healthz and /readyz for load balancers."""


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
