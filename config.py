"""Configuration classes, read from the environment when they are instantiated.

`APP_ENV` picks the class (development, the default; testing; production). Each class
takes the environment as a mapping, so a test can hand it any environment it likes.
"""

import os
from collections.abc import Mapping

# Signs sessions and CSRF tokens in development only; production refuses to start with it.
DEVELOPMENT_SECRET_KEY = "dev-only-insecure-secret-key"  # noqa: S105 (a placeholder, by design)


class ConfigError(RuntimeError):
    """A setting in the environment is missing or unusable."""


def normalise_database_url(url: str) -> str:
    """Point PostgreSQL URLs at psycopg 3, including the `postgres://` form hosts hand out."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url.removeprefix(prefix)
    return url


class Config:
    """Settings shared by every environment."""

    # A relative SQLite path resolves inside the instance folder (Flask-SQLAlchemy).
    DEFAULT_DATABASE_URL = "sqlite:///app.db"
    # Requests larger than this get the 413 page before a view runs.
    MAX_CONTENT_LENGTH = 1024 * 1024
    GUESTBOOK_PAGE_SIZE = 20

    def __init__(self, environ: Mapping[str, str] = os.environ):
        """Read the settings that vary between deployments from `environ`."""
        self.SECRET_KEY = environ.get("SECRET_KEY", DEVELOPMENT_SECRET_KEY)
        self.SQLALCHEMY_DATABASE_URI = normalise_database_url(
            environ.get("DATABASE_URL", self.DEFAULT_DATABASE_URL)
        )


class DevelopmentConfig(Config):
    """The default: a SQLite file in the instance folder, nothing to set up."""


class TestingConfig(Config):
    """For the test suite: CSRF off unless a test turns it back on."""

    TESTING = True
    WTF_CSRF_ENABLED = False


class ProductionConfig(Config):
    """For real traffic: a secret key must come from the environment."""

    def __init__(self, environ: Mapping[str, str] = os.environ):
        """Refuse to start with the development secret key."""
        super().__init__(environ)
        if self.SECRET_KEY == DEVELOPMENT_SECRET_KEY:
            raise ConfigError(
                "SECRET_KEY must be set in production; generate one with: "
                'python -c "import secrets; print(secrets.token_hex(32))"'
            )


CONFIGS = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}


def config_from_environment(environ: Mapping[str, str] = os.environ) -> Config:
    """Instantiate the configuration class that `APP_ENV` names."""
    name = environ.get("APP_ENV", "development")
    if name not in CONFIGS:
        raise ConfigError(f"APP_ENV must be one of {', '.join(CONFIGS)}; got {name!r}")
    return CONFIGS[name](environ)
