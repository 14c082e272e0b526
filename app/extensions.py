"""Every extension the kit uses: one instance each, bound to an app in `init_extensions`."""

from pathlib import Path

from flask import Flask
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect
from flask_wtf.csrf import CSRFError

from app.forms import explain_csrf_failure
from app.models import Base

db = SQLAlchemy(model_class=Base)
# An absolute path, so migrations are found whatever directory the server starts in.
migrate = Migrate(directory=str(Path(__file__).resolve().parent.parent / "migrations"))
# Checks the CSRF token of every POST, PUT, PATCH and DELETE before the view runs.
csrf = CSRFProtect()


def init_extensions(app: Flask) -> None:
    """Bind each extension to `app`, reading its settings from `app.config`."""
    db.init_app(app)
    migrate.init_app(app, db)
    csrf.init_app(app)
    app.register_error_handler(CSRFError, explain_csrf_failure)
