"""Every extension the kit uses: one instance each, bound to an app in `init_extensions`."""

from pathlib import Path  # layer: database

from flask import Flask
from flask_migrate import Migrate  # layer: database
from flask_sqlalchemy import SQLAlchemy  # layer: database
from flask_wtf import CSRFProtect  # layer: forms
from flask_wtf.csrf import CSRFError  # layer: forms

from app.forms import explain_csrf_failure  # layer: forms
from app.models import Base  # layer: database

# layer: database
db = SQLAlchemy(model_class=Base)
# An absolute path, so migrations are found whatever directory the server starts in.
migrate = Migrate(directory=str(Path(__file__).resolve().parent.parent / "migrations"))
# end layer: database
# layer: forms
# Checks the CSRF token of every POST, PUT, PATCH and DELETE before the view runs.
csrf = CSRFProtect()
# end layer: forms


def init_extensions(app: Flask) -> None:
    """Bind each extension to `app`, reading its settings from `app.config`."""
    # layer: database
    db.init_app(app)
    migrate.init_app(app, db)
    # end layer: database
    # layer: forms
    csrf.init_app(app)
    app.register_error_handler(CSRFError, explain_csrf_failure)
    # end layer: forms
