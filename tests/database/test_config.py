"""Database settings: DATABASE_URL in any common spelling, and a pool sized from the environment."""

from pathlib import Path

import click
import pytest
from sqlalchemy import event

from app import create_app
from app.database import db
from app.database.faults import tune_sqlite
from app.database.settings import DEFAULT_DATABASE_URL, database_settings, normalise_database_url
from config import ConfigError, DevelopmentConfig


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("postgres://u:p@db:5432/app", "postgresql+psycopg://u:p@db:5432/app"),
        ("postgresql://u:p@db:5432/app", "postgresql+psycopg://u:p@db:5432/app"),
        ("postgresql+psycopg://u:p@db/app", "postgresql+psycopg://u:p@db/app"),
        ("sqlite:///app.db", "sqlite:///app.db"),
    ],
)
def test_database_urls_are_normalised_to_psycopg(given, expected):
    """Every spelling of a PostgreSQL URL selects psycopg 3; other URLs pass unchanged."""
    assert normalise_database_url(given) == expected


def test_the_default_is_sqlite_in_the_instance_folder(monkeypatch):
    """With no DATABASE_URL, a SQLite file (Flask-SQLAlchemy puts it in instance/)."""
    monkeypatch.delenv("DATABASE_URL", raising=False)
    app = create_app(DevelopmentConfig({}))
    assert app.config["SQLALCHEMY_DATABASE_URI"] == DEFAULT_DATABASE_URL
    with app.app_context():
        assert db.engine.url.get_backend_name() == "sqlite"
        assert Path(db.engine.url.database) == Path(app.instance_path) / "app.db"


def test_database_url_comes_from_the_environment():
    """DATABASE_URL is read, and normalised."""
    settings = database_settings({"DATABASE_URL": "postgres://h/db"})
    assert settings["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://h/db"


def test_the_factory_reads_database_url_from_the_process_environment(monkeypatch, tmp_path):
    """wsgi.py's create_app() uses the DATABASE_URL the process was started with."""
    monkeypatch.setenv("APP_ENV", "development")
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'env.db'}")
    assert create_app().config["SQLALCHEMY_DATABASE_URI"].endswith("env.db")


@pytest.mark.parametrize("url", ["not a url", "postgresql://db.example.com:notaport/app"])
def test_a_malformed_database_url_is_named_in_one_clear_line(url):
    """A broken DATABASE_URL stops start-up with a message naming the variable."""
    with pytest.raises(ConfigError, match="DATABASE_URL is not a valid database URL"):
        database_settings({"DATABASE_URL": url})


def test_sqlite_needs_no_pool_settings():
    """SQLite runs in-process: no pool sizing, no pre-ping."""
    assert database_settings({})["SQLALCHEMY_ENGINE_OPTIONS"] == {}


def test_postgresql_pool_and_timeouts_come_from_the_environment():
    """Pool size, overflow, waits and timeouts are each one variable."""
    settings = database_settings(
        {
            "DATABASE_URL": "postgresql://db/app",
            "DB_POOL_SIZE": "3",
            "DB_MAX_OVERFLOW": "1",
            "DB_POOL_TIMEOUT": "2",
            "DB_CONNECT_TIMEOUT": "3",
            "DB_TCP_USER_TIMEOUT_MS": "4000",
            "DB_STATEMENT_TIMEOUT_MS": "0",
        }
    )
    assert settings["SQLALCHEMY_ENGINE_OPTIONS"] == {
        "pool_size": 3,
        "max_overflow": 1,
        "pool_timeout": 2,
        "pool_pre_ping": True,
        "connect_args": {
            "connect_timeout": 3,
            "tcp_user_timeout": 4000,
            "options": "-c statement_timeout=0",
        },
    }


def test_postgresql_defaults_time_out_everywhere():
    """Without settings: 2 + 1 connections, and nothing waits for ever on the database."""
    options = database_settings({"DATABASE_URL": "postgres://db/app"})["SQLALCHEMY_ENGINE_OPTIONS"]
    assert options == {
        "pool_size": 2,
        "max_overflow": 1,
        "pool_timeout": 5,
        "pool_pre_ping": True,
        "connect_args": {
            "connect_timeout": 5,
            "tcp_user_timeout": 10000,
            "options": "-c statement_timeout=5000",
        },
    }


@pytest.mark.parametrize("value", ["-1", "five", ""])
def test_a_pool_setting_that_is_not_a_whole_number_is_named(value):
    """A bad number stops start-up with the variable's name."""
    with pytest.raises(ConfigError, match="DB_POOL_SIZE must be a whole number"):
        database_settings({"DATABASE_URL": "postgresql://db/app", "DB_POOL_SIZE": value})


def test_only_sqlite_connections_are_tuned_with_pragmas(make_app, tmp_path):
    """SQLite gets WAL and foreign keys on each connection; PostgreSQL needs none of it.

    Building the app makes its engine without connecting, so no server is needed here.
    """
    sqlite_app = make_app(database_url=f"sqlite:///{tmp_path / 'tuned.db'}")
    server_app = make_app(database_url="postgresql://nobody@127.0.0.1:1/app")
    with sqlite_app.app_context():
        assert event.contains(db.engine, "connect", tune_sqlite)
    with server_app.app_context():
        assert not event.contains(db.engine, "connect", tune_sqlite)


def test_a_flask_command_names_its_settings_and_database_without_the_password(make_app, capsys):
    """`flask db upgrade` run without the server's environment would act on development's
    database: every command that loads the app says which one, on stderr.
    """
    with click.Context(click.Command("upgrade")):
        make_app(database_url="postgresql://kit:secret@db.example.com:5432/kit")
    assert capsys.readouterr().err == (
        "APP_ENV=testing, database postgresql+psycopg://kit:***@db.example.com:5432/kit\n"
    )


def test_an_app_built_outside_a_command_says_nothing(make_app, capsys):
    """A server, or a test, builds the app outside any `flask` command: no notice."""
    make_app(database_url="postgresql://kit:secret@db.example.com:5432/kit")
    assert "APP_ENV=" not in capsys.readouterr().err
