"""The application factory and the modules that load it."""

import importlib
import sys


def test_wsgi_builds_the_app_from_the_environment(monkeypatch):
    """wsgi.py calls create_app() with no argument: the class comes from APP_ENV."""
    monkeypatch.setenv("APP_ENV", "development")
    monkeypatch.setenv("SECRET_KEY", "read-from-the-environment")
    monkeypatch.delitem(sys.modules, "wsgi", raising=False)
    try:
        app = importlib.import_module("wsgi").app
    finally:
        sys.modules.pop("wsgi", None)  # the next import builds its app afresh
    assert app.config["APP_ENV"] == "development"
    assert app.config["SECRET_KEY"] == "read-from-the-environment"


def test_templates_and_static_files_are_served_from_the_top_level(client):
    """The factory points Flask at templates/ and static/ beside app/."""
    for path in ("/static/style.css", "/static/favicon.svg"):
        with client.get(path) as response:  # a file response must be closed
            assert response.status_code == 200
    page = client.get("/").get_data(as_text=True)
    assert '<link rel="stylesheet" href="/static/style.css">' in page
