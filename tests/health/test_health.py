"""/healthz and /readyz for load balancers."""

from sqlalchemy import text

from app.extensions import db


def test_healthz_answers_while_the_process_runs(client):
    """Liveness needs nothing but the process."""
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json == {"status": "ok"}


def test_readyz_is_ok_when_the_database_is_at_the_newest_migration(client):
    """Ready: the database answers and every migration is applied."""
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json == {"status": "ok"}


def test_readyz_is_503_when_migrations_are_missing(client):
    """A database behind the code asks for `flask db upgrade`."""
    db.session.execute(text("DELETE FROM alembic_version"))
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json == {"status": "unavailable", "reason": "run `flask db upgrade`"}


def test_readyz_is_503_when_the_database_does_not_answer(make_app, tmp_path):
    """An unreachable database makes the instance not ready, without an error page."""
    app = make_app(database_url=f"sqlite:///{tmp_path}/missing-dir/app.db")
    response = app.test_client().get("/readyz")
    assert response.status_code == 503
    assert response.json["reason"] == "the database does not answer"
