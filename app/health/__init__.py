"""Health checks for load balancers and orchestrators: `/healthz` and `/readyz`."""

from app.health.routes import add_readiness_check, bp

__all__ = ["add_readiness_check", "bp"]
