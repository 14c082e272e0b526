"""The seed pages: welcome, a greeting, and a validated name form."""

from app.main.routes import bp

__all__ = ["bp"]
