"""Every extension the kit uses: one instance each, bound to an app in `init_extensions`."""

from pathlib import Path

from flask import Flask
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect
from flask_wtf.csrf import CSRFError

from app.form_rendering import use_fast_html_params
from app.forms import explain_csrf_failure, use_faster_csrf_check
from app.models import Base

db = SQLAlchemy(model_class=Base)
# An absolute path, so migrations are found whatever directory the server starts in.
migrate = Migrate(directory=str(Path(__file__).resolve().parent.parent / "migrations"))
csrf = CSRFProtect()


def init_extensions(app: Flask) -> None:
    """Bind each extension to `app`, reading its settings from `app.config`."""
    db.init_app(app)
    migrate.init_app(app, db)
    csrf.init_app(app)
    use_faster_csrf_check(app)
    use_fast_html_params()  # process-wide: see app/form_rendering.py
    app.register_error_handler(CSRFError, explain_csrf_failure)
