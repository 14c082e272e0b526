"""Every extension the kit uses: one instance each, bound to an app in `init_extensions`."""

from pathlib import Path  # layer: database

from flask import Flask
from flask_limiter import Limiter  # layer: limits
from flask_limiter.util import get_remote_address  # layer: limits
from flask_login import LoginManager  # layer: accounts
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
# layer: accounts
# Keeps the signed-in user's id in the session; views ask for `current_user`.
login_manager = LoginManager()
# Where @login_required sends a visitor who is not signed in (with ?next= to come back).
login_manager.login_view = "accounts.sign_in"
login_manager.login_message = "Please sign in first."
login_manager.login_message_category = "info"
# end layer: accounts
# layer: limits
# Counts requests per client address (ProxyFix's, behind nginx) against the limits that
# views declare with the decorators in app/limits.py; settings are RATELIMIT_* in config.py.
limiter = Limiter(key_func=get_remote_address)
# end layer: limits


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
    login_manager.init_app(app)  # layer: accounts
    limiter.init_app(app)  # layer: limits
