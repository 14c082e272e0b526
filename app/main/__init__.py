"""The seed pages: welcome and greeting (core); the name form has its own blueprint."""

from app.main.routes import bp

__all__ = ["bp"]
