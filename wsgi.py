"""The app object that `flask run` and `gunicorn wsgi:app` both load."""

from app import create_app

app = create_app()
