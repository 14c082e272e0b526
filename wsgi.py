"""The app object that `flask run` and `gunicorn wsgi:app` both load."""

import sys

from app import create_app
from config import ConfigError

try:
    app = create_app()
except ConfigError as error:
    # One clear line for the operator, not a traceback through the factory.
    sys.exit(f"Configuration error: {error}")
