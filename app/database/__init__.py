"""The database layer (Flask-SQLAlchemy, Flask-Migrate): typed models, a versioned schema in
migrations/, readiness that checks both, and 503 pages while the database is away.

Other layers define their models on `db` and query through `db.session`.
"""

import os

import click
from flask import Flask
from sqlalchemy import event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from app.database.extensions import db, migrate
from app.database.faults import (
    database_not_ready,
    end_session,
    render_database_error,
    render_pool_timeout,
    tune_sqlite,
)
from app.database.settings import database_settings
from app.health import add_readiness_check

NEEDS = ()

__all__ = ["db", "init_app"]


def init_app(app: Flask) -> None:
    """Bind the extensions to the database DATABASE_URL names (unless the app's config already
    names one), check the schema in /readyz, answer database faults with 503, let a
    connection that dies after the answer cost nothing, and name the database to `flask`.
    """
    for name, value in database_settings(os.environ).items():
        app.config.setdefault(name, value)
    db.init_app(app)
    # Flask runs teardown functions in the reverse order of their registration: this one, right
    # after Flask-SQLAlchemy's, runs first, and leaves it no session to close.
    app.teardown_appcontext(end_session)
    migrate.init_app(app, db)
    with app.app_context():
        if db.engine.dialect.name == "sqlite":
            event.listen(db.engine, "connect", tune_sqlite)
        if click.get_current_context(silent=True):
            # A `flask` command: say which settings and database it acts on. On a server, one
            # run without the environment file would read .flaskenv's development settings.
            where = db.engine.url.render_as_string(hide_password=True)
            click.echo(f"APP_ENV={app.config['APP_ENV']}, database {where}", err=True)
    add_readiness_check(app, database_not_ready)
    app.register_error_handler(DBAPIError, render_database_error)
    app.register_error_handler(PoolTimeout, render_pool_timeout)
