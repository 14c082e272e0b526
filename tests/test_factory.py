"""The application factory and the modules that load it."""

import importlib
import sys

from app.extensions import db
from app.guestbook.models import GuestbookEntry


def test_factory_reads_the_environment_when_given_no_config(monkeypatch, tmp_path):
    """create_app() with no argument uses the class and database the environment names."""
    monkeypatch.setenv("APP_ENV", "testing")
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'env.db'}")
    monkeypatch.delitem(sys.modules, "wsgi", raising=False)
    app = importlib.import_module("wsgi").app
    assert app.testing is True
    assert app.config["SQLALCHEMY_DATABASE_URI"].endswith("env.db")


def test_templates_and_static_files_are_served_from_the_top_level(client):
    """The factory points Flask at templates/ and static/ beside app/."""
    for path in ("/static/style.css", "/static/favicon.svg"):
        with client.get(path) as response:  # a file response must be closed
            assert response.status_code == 200
    page = client.get("/").get_data(as_text=True)
    assert '<link rel="stylesheet" href="/static/style.css">' in page


def test_flask_shell_starts_with_db_and_the_models(app):
    """`flask shell` has db and every model in its namespace."""
    context = app.make_shell_context()
    assert context["db"] is db
    assert context["GuestbookEntry"] is GuestbookEntry
