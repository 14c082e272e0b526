"""Alembic environment: runs migrations against the Flask app's database and models."""

import logging
from logging.config import fileConfig

from alembic import context
from flask import current_app
from sqlalchemy.exc import OperationalError

config = context.config
# Keep the app's own loggers alive: by default fileConfig() silences every existing one.
fileConfig(config.config_file_name, disable_existing_loggers=False)
logger = logging.getLogger("alembic.env")

migrate_state = current_app.extensions["migrate"]
# db.engine, not db.get_engine(): the latter is deprecated in Flask-SQLAlchemy 3.
engine = migrate_state.db.engine
config.set_main_option(
    "sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%")
)
target_metadata = migrate_state.db.metadata


def skip_empty_autogenerate(context, revision, directives):
    """Write no revision file when autogenerate finds nothing to change."""
    if getattr(config.cmd_opts, "autogenerate", False) and directives[0].upgrade_ops.is_empty():
        directives[:] = []
        logger.info("No changes in schema detected.")


def run_migrations_offline():
    """Emit SQL to stdout (`flask db upgrade --sql`) without connecting."""
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        literal_binds=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online():
    """Connect to the app's database and apply the migrations."""
    configure_args = {"process_revision_directives": skip_empty_autogenerate}
    configure_args.update(migrate_state.configure_args)
    try:
        connection = engine.connect()
    except OperationalError as error:
        # One line naming the setting and the server, instead of the driver's traceback.
        reason = str(error.orig).strip().splitlines()[0]
        where = engine.url.render_as_string(hide_password=True)
        raise SystemExit(f"Cannot reach the database in DATABASE_URL ({where}): {reason}") from None
    with connection:
        context.configure(connection=connection, target_metadata=target_metadata, **configure_args)
        with context.begin_transaction():
            if connection.dialect.name == "postgresql":
                # A migration may rewrite a large table, which takes longer than the statement
                # timeout a web request gets. LOCAL: only until this transaction ends.
                connection.exec_driver_sql("SET LOCAL statement_timeout = 0")
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
