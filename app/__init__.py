"""The application factory: `create_app()` builds a configured Flask app.

Lines that end in `# layer: NAME` belong to that layer: `flask layers remove NAME` takes them
out with the layer's own files.
"""

from pathlib import Path

from flask import Flask

from app.accounts import bp as accounts_bp  # layer: accounts
from app.api import bp as api_bp  # layer: api
from app.api.tokens_page import bp as api_tokens_bp  # layer: api
from app.database import init_database  # layer: database
from app.errors import register_error_handlers
from app.extensions import init_extensions
from app.filters import register_template_filters
from app.guestbook import bp as guestbook_bp  # layer: guestbook
from app.health import bp as health_bp
from app.layers import init_layers
from app.limits import init_limits  # layer: limits
from app.main import bp as main_bp
from app.main.name_form import bp as name_form_bp  # layer: forms
from app.request_log import init_request_log
from app.security import init_security
from config import config_from_environment

# Templates and static files sit at the top of the repository, beside app/.
PROJECT_ROOT = Path(__file__).resolve().parent.parent


def create_app(config: object | None = None) -> Flask:
    """Build the app from `config`, or from the class that `APP_ENV` names."""
    app = Flask(
        __name__,
        template_folder=PROJECT_ROOT / "templates",
        static_folder=PROJECT_ROOT / "static",
    )
    app.config.from_object(config or config_from_environment())
    init_request_log(app)  # first, so every other hook's work is logged with the request id
    init_security(app)
    init_extensions(app)
    init_database(app)  # layer: database
    register_template_filters(app)
    register_blueprints(app)
    register_error_handlers(app)
    init_limits(app)  # layer: limits
    init_layers(app)
    return app


def register_blueprints(app: Flask) -> None:
    """Mount each feature; taking a feature out takes out its line here."""
    app.register_blueprint(main_bp)
    app.register_blueprint(name_form_bp)  # layer: forms
    app.register_blueprint(health_bp)
    app.register_blueprint(accounts_bp, url_prefix="/account")  # layer: accounts
    app.register_blueprint(guestbook_bp, url_prefix="/guestbook")  # layer: guestbook
    app.register_blueprint(api_bp, url_prefix="/api/v1")  # layer: api
    app.register_blueprint(api_tokens_bp, url_prefix="/account/tokens")  # layer: api
