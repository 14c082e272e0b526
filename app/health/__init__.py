"""Health checks for load balancers and orchestrators."""

from app.health.routes import bp

__all__ = ["bp"]
