"""The database layer's extensions: Flask-SQLAlchemy for models, Flask-Migrate for the schema."""

from pathlib import Path

from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy

from app.database.models import Base

db = SQLAlchemy(model_class=Base)
# An absolute path, so migrations are found whatever directory the server starts in.
migrate = Migrate(directory=str(Path(__file__).resolve().parents[2] / "migrations"))
