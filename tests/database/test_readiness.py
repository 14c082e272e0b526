"""/readyz with the database layer, 503 until the database answers and is fully migrated."""

from sqlalchemy import text

from app.database import db


def test_readyz_is_503_when_the_schema_is_behind_the_code(client):
    """A database at another revision than the code's newest asks for `flask db upgrade`."""
    db.session.execute(
        text("CREATE TABLE IF NOT EXISTS alembic_version (version_num VARCHAR(32) NOT NULL)")
    )
    db.session.execute(text("DELETE FROM alembic_version"))
    db.session.execute(text("INSERT INTO alembic_version VALUES ('not-a-revision')"))
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json == {"status": "unavailable", "reason": "run `flask db upgrade`"}


def test_readyz_is_503_when_the_database_does_not_answer(make_app, tmp_path):
    """An unreachable database makes the instance not ready, without an error page."""
    app = make_app(database_url=f"sqlite:///{tmp_path}/missing-dir/app.db")
    response = app.test_client().get("/readyz")
    assert response.status_code == 503
    assert response.json["reason"] == "the database does not answer"
