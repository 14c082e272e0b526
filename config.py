"""The core's configuration classes, read from the environment when they are instantiated.

`APP_ENV` picks the class: production unless development is asked for, so a server started
without its environment fails closed. `flask run` reads APP_ENV=development from .flaskenv.
Each class takes the environment as a mapping, so a test can hand it any environment it
likes. Each layer adds its own settings and checks in its `init_app`, with the helpers below.
"""

import os
from collections.abc import Mapping
from datetime import timedelta

# Signs sessions in development only (production refuses it): a placeholder, not a secret.
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


class Config:
    """Settings shared by every environment."""

    # The site's name, shown in the layout, the home page and the API's description.
    SITE_NAME = "Flask Starter Kit"
    # Requests over these limits get the 413 page before a view runs: the whole body, and in
    # a multipart form one field held in memory and the number of parts. Werkzeug parses a
    # url-encoded body whole, so the body's limit bounds its cost: keep it near what forms need.
    MAX_CONTENT_LENGTH = 64 * 1024
    MAX_FORM_MEMORY_SIZE = 16 * 1024
    MAX_FORM_PARTS = 50
    # Flask checks every session cookie's age against this, permanent or not.
    PERMANENT_SESSION_LIFETIME = timedelta(hours=12)
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = False
    STRICT_TRANSPORT_SECURITY = None

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


class DevelopmentConfig(Config):
    """For `flask run` on your machine: nothing to set up."""

    APP_ENV = "development"


class ProductionConfig(Config):
    """For real traffic over HTTPS: a real secret key, secure cookies, HSTS."""

    APP_ENV = "production"
    SESSION_COOKIE_SECURE = True
    STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains"

    def __init__(self, environ: Mapping[str, str] = os.environ):
        """Refuse to start without a strong key or the hosts to serve, or with the debugger."""
        super().__init__(environ)
        key = self.SECRET_KEY
        if key == DEVELOPMENT_SECRET_KEY or len(key) < MIN_SECRET_KEY_LENGTH:
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
        # The debugger runs any code a visitor types: `flask --debug run` only in development.
        if switch(environ, "FLASK_DEBUG", default=False):
            raise ConfigError("FLASK_DEBUG must be off in production: the debugger runs any code")


CONFIGS = {"development": DevelopmentConfig, "production": ProductionConfig}


def config_from_environment(environ: Mapping[str, str] = os.environ) -> Config:
    """Instantiate the configuration class that `APP_ENV` names."""
    name = environ.get("APP_ENV", "production")
    if name not in CONFIGS:
        raise ConfigError(f"APP_ENV must be one of {', '.join(CONFIGS)}; got {name!r}")
    return CONFIGS[name](environ)
