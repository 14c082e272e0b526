"""The database layer's settings, read from the environment: where the database is, and how
long anything may wait for it.
"""

from collections.abc import Mapping

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from config import ConfigError, whole_number

# A relative SQLite path resolves inside the instance folder (Flask-SQLAlchemy).
DEFAULT_DATABASE_URL = "sqlite:///app.db"


def database_settings(environ: Mapping[str, str]) -> dict:
    """Flask-SQLAlchemy's settings for the database that DATABASE_URL names."""
    url = parse_database_url(environ.get("DATABASE_URL", DEFAULT_DATABASE_URL))
    return {
        "SQLALCHEMY_DATABASE_URI": url.render_as_string(hide_password=False),
        "SQLALCHEMY_ENGINE_OPTIONS": engine_options(url, environ),
    }


def normalise_database_url(url: str) -> str:
    """Point PostgreSQL URLs at psycopg 3, including the `postgres://` form hosts hand out."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url.removeprefix(prefix)
    return url


def parse_database_url(url: str) -> URL:
    """The parsed DATABASE_URL, or a ConfigError that says what is wrong with it."""
    try:
        parsed = make_url(normalise_database_url(url))
    except (ArgumentError, ValueError) as error:  # ValueError: a port that is not a number
        raise ConfigError(
            f"DATABASE_URL is not a valid database URL ({error}); expected for example "
            "postgresql://user:password@host:5432/dbname or sqlite:///app.db"
        ) from None
    return parsed


def engine_options(url: URL, environ: Mapping[str, str]) -> dict:
    """Connection-pool settings and timeouts for a database server; SQLite needs none."""
    if url.get_backend_name() == "sqlite":
        return {}
    statement_timeout = whole_number(environ, "DB_STATEMENT_TIMEOUT_MS", 5000)
    return {
        # Each worker process keeps this many connections open, and may open this many more
        # under load: workers x (size + overflow) must stay below the server's max_connections.
        # Fewer than gunicorn's threads, so a database that hangs holds only some of a
        # worker's threads: the others go on answering /healthz, and 503 pages.
        "pool_size": whole_number(environ, "DB_POOL_SIZE", 2),
        "max_overflow": whole_number(environ, "DB_MAX_OVERFLOW", 1),
        # How long a request waits for a free connection (seconds) before its 503 page.
        "pool_timeout": whole_number(environ, "DB_POOL_TIMEOUT", 5),
        # Test each pooled connection before use, so a database restart costs no failed request.
        "pool_pre_ping": True,
        "connect_args": {
            # Seconds to wait for a server to accept a new connection.
            "connect_timeout": whole_number(environ, "DB_CONNECT_TIMEOUT", 5),
            # Milliseconds that sent data may go unanswered before the connection is dropped:
            # a server or network that went silent in the middle of a query.
            "tcp_user_timeout": whole_number(environ, "DB_TCP_USER_TIMEOUT_MS", 10000),
            # Milliseconds any one statement may run (0: no limit); the server cancels it.
            "options": f"-c statement_timeout={statement_timeout}",
        },
    }
