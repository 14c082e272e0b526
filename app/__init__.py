"""The application factory: `create_app()` builds the core, then installs each layer.

A layer is a package `app/NAME` with an `init_app(app)` that registers everything it adds,
the way a Flask extension does, and a `NEEDS` tuple naming the layers it builds on. Add a
layer with its package and a line in LAYERS; take one out the same way (docs/layers.md).
"""

from importlib import import_module
from pathlib import Path

from flask import Flask

from app import errors, health, layout, main, request_log, security
from app.filters import register_template_filters
from config import config_from_environment

# The layers, in the order they are installed: each after the layers it needs.
LAYERS = (
    "forms",
    "database",
    "accounts",
    "limits",
    "guestbook",
    "api",
    "mail",
)
# Templates and static files sit at the top of the repository, beside app/.
PROJECT_ROOT = Path(__file__).resolve().parent.parent


class LayerOrderError(RuntimeError):
    """A layer is installed before (or without) a layer it needs."""


def create_app(config: object | None = None, layers: tuple[str, ...] = LAYERS) -> Flask:
    """Build the app from `config` (default: the class `APP_ENV` names) with `layers`."""
    app = Flask(
        __name__,
        template_folder=PROJECT_ROOT / "templates",
        static_folder=PROJECT_ROOT / "static",
    )
    app.config.from_object(config or config_from_environment())
    register_core(app)
    install_layers(app, layers)
    return app


def register_core(app: Flask) -> None:
    """What every app has, whatever its layers: logging, headers, pages, errors, health."""
    request_log.init_app(app)  # first, so every other hook's work is logged with its request
    security.init_app(app)
    layout.init_app(app)
    register_template_filters(app)
    errors.init_app(app)
    app.register_blueprint(main.bp)
    app.register_blueprint(health.bp)


def install_layers(app: Flask, layers: tuple[str, ...]) -> None:
    """Import each layer and call its `init_app`, after checking it comes after its needs."""
    for position, name in enumerate(layers):
        layer = import_module(f"app.{name}")
        missing = [need for need in layer.NEEDS if need not in layers[:position]]
        if missing:
            raise LayerOrderError(f"The {name} layer needs {', '.join(missing)} installed first")
        layer.init_app(app)
