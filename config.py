"""Configuration classes, read from the environment when they are instantiated.

`APP_ENV` picks the class: production unless development (or testing) is asked for, so a
server started without its environment fails closed. `flask run` reads APP_ENV=development
from .flaskenv. Each class takes the environment as a mapping, so a test can hand it any
environment it likes.
"""

import os
from collections.abc import Mapping
from datetime import timedelta

from sqlalchemy.engine import URL, make_url  # layer: database
from sqlalchemy.exc import ArgumentError  # layer: database

# Signs sessions and CSRF tokens in development only; production refuses to start with it.
# A placeholder by design, so both linters are told it is not a real secret.
DEVELOPMENT_SECRET_KEY = "dev-only-insecure-secret-key"  # noqa: S105  # nosec B105
# secrets.token_hex(32) gives 64 characters; anything under 32 is too short to be random bytes.
MIN_SECRET_KEY_LENGTH = 32
# The X-Forwarded-* headers ProxyFix can trust, each set by a PROXY_FIX_<NAME> hop count.
PROXY_HEADERS = ("x_for", "x_proto", "x_host", "x_port", "x_prefix")


class ConfigError(RuntimeError):
    """A setting in the environment is missing or unusable."""


def whole_number(environ: Mapping[str, str], name: str, default: int) -> int:
    """An integer setting from `environ`, or a ConfigError naming the variable."""
    value = environ.get(name, str(default))
    if not value.isdecimal():
        raise ConfigError(f"{name} must be a whole number; got {value!r}")
    return int(value)


def switch(environ: Mapping[str, str], name: str, default: bool) -> bool:
    """An on/off setting: 0, false, no and off (any case) are off; other values are on."""
    value = environ.get(name)
    if value is None or not value.strip():
        return default
    return value.strip().lower() not in ("0", "false", "no", "off")


def word_list(environ: Mapping[str, str], name: str) -> list[str]:
    """A comma-separated setting as a list, without blanks."""
    return [word.strip() for word in environ.get(name, "").split(",") if word.strip()]


# layer: database
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
        "pool_size": whole_number(environ, "DB_POOL_SIZE", 4),
        "max_overflow": whole_number(environ, "DB_MAX_OVERFLOW", 2),
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


# end layer: database


class Config:
    """Settings shared by every environment."""

    GUESTBOOK_PAGE_SIZE = 20  # layer: guestbook
    # layer: database
    # A relative SQLite path resolves inside the instance folder (Flask-SQLAlchemy).
    DEFAULT_DATABASE_URL = "sqlite:///app.db"
    # end layer: database
    # Requests over these limits get the 413 page before a view runs: the whole body, and in
    # a multipart form any one field held in memory and the number of parts. Werkzeug reads
    # a url-encoded form in one pass, so the body's limit is the one that bounds it.
    MAX_CONTENT_LENGTH = 1024 * 1024
    MAX_FORM_MEMORY_SIZE = 64 * 1024
    MAX_FORM_PARTS = 50
    # Flask checks every session cookie's age against this, permanent or not.
    PERMANENT_SESSION_LIFETIME = timedelta(hours=12)
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = False
    STRICT_TRANSPORT_SECURITY = None
    # layer: accounts
    # "Keep me signed in" sets Flask-Login's remember-me cookie; it gets the session cookie's
    # flags (ProductionConfig makes both Secure) and lasts two weeks.
    REMEMBER_COOKIE_DURATION = timedelta(days=14)
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_SECURE = False
    # end layer: accounts
    # layer: limits
    # Flask-Limiter: 429 answers carry Retry-After (and every limited answer X-RateLimit-*).
    RATELIMIT_ENABLED = True
    RATELIMIT_HEADERS_ENABLED = True
    # If Redis stops answering, each process counts in its own memory (and logs a warning)
    # until Redis is back: the limits still hold, per process, and the site stays up. Each
    # process asks Redis again 1, 2, 4, 8, 16 and 32 s later (then from 1 s again), and
    # counts there once it answers; the counts kept in memory meanwhile are dropped.
    RATELIMIT_IN_MEMORY_FALLBACK_ENABLED = True
    # A request under way when Redis goes away still gets its answer: the count it could
    # not record is logged and skipped. Without this, its answer would be a 500.
    RATELIMIT_SWALLOW_ERRORS = True
    # Seconds to wait for Redis: a Redis that hangs costs the request that finds out, and
    # each of the checks above, a second; it never holds a request up for longer.
    RATELIMIT_STORAGE_OPTIONS = {"socket_connect_timeout": 1, "socket_timeout": 1}  # noqa: RUF012
    # end layer: limits

    def __init__(self, environ: Mapping[str, str] = os.environ):
        """Read the settings that vary between deployments from `environ`."""
        self.SECRET_KEY = environ.get("SECRET_KEY", DEVELOPMENT_SECRET_KEY)
        # Old keys, still accepted for sessions and page links while a new key rolls out.
        self.SECRET_KEY_FALLBACKS = word_list(environ, "SECRET_KEY_FALLBACKS")
        self.PROXY_FIX = {
            header: hops
            for header in PROXY_HEADERS
            if (hops := whole_number(environ, f"PROXY_FIX_{header.upper()}", 0))
        }
        # layer: limits
        # Where rate-limit counts are kept: memory:// in each process (development, or a single
        # server), redis://host:6379/0 when several servers must share one count.
        self.RATELIMIT_STORAGE_URI = environ.get("RATELIMIT_STORAGE_URI", "memory://")
        # RATELIMIT_ENABLED=false turns every limit off, for a load test from one address.
        self.RATELIMIT_ENABLED = switch(environ, "RATELIMIT_ENABLED", self.RATELIMIT_ENABLED)
        # end layer: limits
        # layer: database
        url = parse_database_url(environ.get("DATABASE_URL", self.DEFAULT_DATABASE_URL))
        self.SQLALCHEMY_DATABASE_URI = url.render_as_string(hide_password=False)
        self.SQLALCHEMY_ENGINE_OPTIONS = engine_options(url, environ)
        # end layer: database


class DevelopmentConfig(Config):
    """The default: a SQLite file in the instance folder, nothing to set up."""


class TestingConfig(Config):
    """For the test suite: CSRF off unless a test turns it back on."""

    TESTING = True
    WTF_CSRF_ENABLED = False  # layer: forms
    RATELIMIT_ENABLED = False  # tests that count requests turn it on  # layer: limits


class ProductionConfig(Config):
    """For real traffic over HTTPS: a real secret key, secure cookies, HSTS."""

    SESSION_COOKIE_SECURE = True
    REMEMBER_COOKIE_SECURE = True  # layer: accounts
    STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains"

    def __init__(self, environ: Mapping[str, str] = os.environ):
        """Refuse to start without a strong secret key, the hosts to answer for, or with the
        debugger on.
        """
        super().__init__(environ)
        if (
            self.SECRET_KEY == DEVELOPMENT_SECRET_KEY
            or len(self.SECRET_KEY) < MIN_SECRET_KEY_LENGTH
        ):
            raise ConfigError(
                f"SECRET_KEY must be set in production to at least {MIN_SECRET_KEY_LENGTH} "
                "random characters; generate one with: "
                'python -c "import secrets; print(secrets.token_hex(32))"'
            )
        # Requests for any other Host header get a 400, so links built from it can't be spoofed.
        self.TRUSTED_HOSTS = word_list(environ, "TRUSTED_HOSTS") or None
        if not self.TRUSTED_HOSTS and not environ.get("SERVER_NAME"):
            raise ConfigError(
                "TRUSTED_HOSTS must name the host names this site answers for in production, "
                "comma-separated (for example example.com,www.example.com)"
            )
        self.SERVER_NAME = environ.get("SERVER_NAME") or None
        # layer: limits
        # Several servers with counts in memory would each allow the whole limit.
        if "RATELIMIT_STORAGE_URI" not in environ:
            raise ConfigError(
                "RATELIMIT_STORAGE_URI must be set in production: redis://host:6379/0, so "
                "every server counts against the same limits (memory:// for a single process)"
            )
        # end layer: limits
        # The debugger runs any code a visitor types: `flask --debug run` only in development.
        if switch(environ, "FLASK_DEBUG", default=False):
            raise ConfigError("FLASK_DEBUG must be off in production: the debugger runs any code")


CONFIGS = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}


def config_from_environment(environ: Mapping[str, str] = os.environ) -> Config:
    """Instantiate the configuration class that `APP_ENV` names."""
    name = environ.get("APP_ENV", "production")
    if name not in CONFIGS:
        raise ConfigError(f"APP_ENV must be one of {', '.join(CONFIGS)}; got {name!r}")
    return CONFIGS[name](environ)
