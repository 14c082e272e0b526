"""Configuration: classes chosen by APP_ENV, settings read from the environment."""

import pytest

import config
from config import (
    DEVELOPMENT_SECRET_KEY,
    ConfigError,
    DevelopmentConfig,
    ProductionConfig,
    config_from_environment,
    normalise_database_url,
)

PRODUCTION_KEY = "f" * 64


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


def test_development_is_the_default_with_sqlite_in_the_instance_folder():
    """With nothing set, the app runs on a SQLite file and the development key."""
    settings = config_from_environment({})
    assert type(settings) is DevelopmentConfig
    assert settings.SQLALCHEMY_DATABASE_URI == "sqlite:///app.db"
    assert settings.SECRET_KEY == DEVELOPMENT_SECRET_KEY


def test_app_env_picks_the_class_and_the_environment_fills_it():
    """APP_ENV names the class; SECRET_KEY and DATABASE_URL come from the environment."""
    settings = config_from_environment(
        {"APP_ENV": "testing", "SECRET_KEY": "k", "DATABASE_URL": "postgres://h/db"}
    )
    assert type(settings) is config.TestingConfig
    assert settings.TESTING is True
    assert settings.SECRET_KEY == "k"
    assert settings.SQLALCHEMY_DATABASE_URI == "postgresql+psycopg://h/db"


def test_an_unknown_app_env_is_refused_by_name():
    """A typo in APP_ENV stops the app with a message that lists the valid names."""
    with pytest.raises(ConfigError, match="APP_ENV must be one of development, testing"):
        config_from_environment({"APP_ENV": "prod"})


@pytest.mark.parametrize("environ", [{}, {"SECRET_KEY": DEVELOPMENT_SECRET_KEY}])
def test_production_refuses_to_start_without_a_real_secret_key(environ):
    """Production will not sign sessions with the public development key."""
    with pytest.raises(ConfigError, match="SECRET_KEY must be set in production"):
        ProductionConfig(environ)


def test_production_starts_with_a_secret_key_from_the_environment():
    """A key from the environment is accepted and used."""
    settings = config_from_environment({"APP_ENV": "production", "SECRET_KEY": PRODUCTION_KEY})
    assert type(settings) is ProductionConfig
    assert settings.SECRET_KEY == PRODUCTION_KEY


@pytest.mark.parametrize("url", ["not a url", "postgresql://db.example.com:notaport/app"])
def test_a_malformed_database_url_is_named_in_one_clear_line(url):
    """A broken DATABASE_URL stops start-up with a message naming the variable."""
    with pytest.raises(ConfigError, match="DATABASE_URL is not a valid database URL"):
        config_from_environment({"DATABASE_URL": url})


def test_sqlite_needs_no_pool_settings():
    """SQLite runs in-process: no pool sizing, no pre-ping."""
    assert config_from_environment({}).SQLALCHEMY_ENGINE_OPTIONS == {}


def test_postgresql_pool_is_sized_from_the_environment():
    """Pool size, overflow and statement timeout come from the environment."""
    settings = config_from_environment(
        {
            "DATABASE_URL": "postgresql://db/app",
            "DB_POOL_SIZE": "3",
            "DB_MAX_OVERFLOW": "2",
            "DB_STATEMENT_TIMEOUT_MS": "5000",
        }
    )
    assert settings.SQLALCHEMY_ENGINE_OPTIONS == {
        "pool_size": 3,
        "max_overflow": 2,
        "pool_pre_ping": True,
        "connect_args": {"options": "-c statement_timeout=5000"},
    }


def test_postgresql_defaults_check_connections_and_set_no_timeout():
    """Without settings: 5 + 5 connections per process, pre-ping on, no statement timeout."""
    options = config_from_environment(
        {"DATABASE_URL": "postgres://db/app"}
    ).SQLALCHEMY_ENGINE_OPTIONS
    assert options == {"pool_size": 5, "max_overflow": 5, "pool_pre_ping": True}


@pytest.mark.parametrize("value", ["-1", "five", ""])
def test_a_pool_setting_that_is_not_a_whole_number_is_named(value):
    """A bad number stops start-up with the variable's name."""
    with pytest.raises(ConfigError, match="DB_POOL_SIZE must be a whole number"):
        config_from_environment({"DATABASE_URL": "postgresql://db/app", "DB_POOL_SIZE": value})
