"""Every extension the kit uses: one instance each, bound to an app in `init_extensions`."""

from pathlib import Path

from flask import Flask
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect
from sqlalchemy import event

from app.models import Base

db = SQLAlchemy(model_class=Base)
# An absolute path, so migrations are found whatever directory the server starts in.
migrate = Migrate(directory=str(Path(__file__).resolve().parent.parent / "migrations"))
csrf = CSRFProtect()


def init_extensions(app: Flask) -> None:
    """Bind each extension to `app`, reading its settings from `app.config`."""
    db.init_app(app)
    with app.app_context():
        if db.engine.dialect.name == "sqlite":
            event.listen(db.engine, "connect", use_write_ahead_log)
    migrate.init_app(app, db)
    csrf.init_app(app)


def use_write_ahead_log(dbapi_connection, _connection_record) -> None:
    """Let SQLite readers work while a writer commits, as several server processes need.

    sqlite3 already waits up to 5 seconds for a lock (its busy timeout) before it fails.
    """
    dbapi_connection.execute("PRAGMA journal_mode=WAL")
