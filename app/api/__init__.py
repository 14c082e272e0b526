"""A JSON API over the guestbook, validated by the same form as the HTML pages."""

from app.api.cli import api_token
from app.api.routes import bp
from app.extensions import csrf

bp.cli.add_command(api_token)
# Writes authenticate with a bearer token, which a browser never sends on its own, so
# the cookie-based CSRF check has nothing to protect here.
csrf.exempt(bp)

__all__ = ["bp"]
