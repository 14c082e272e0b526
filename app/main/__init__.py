"""The core pages: the welcome page and the greeting."""

from app.main.routes import bp

__all__ = ["bp"]
