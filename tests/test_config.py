"""Configuration: classes chosen by APP_ENV, settings read from the environment."""

import pytest

import config
from config import (
    DEVELOPMENT_SECRET_KEY,
    MIN_SECRET_KEY_LENGTH,
    ConfigError,
    DevelopmentConfig,
    config_from_environment,
)
from tests.live import PROJECT_ROOT


def test_production_is_the_default_and_refuses_to_start_without_its_settings():
    """Started with nothing set (gunicorn, a script), the app fails closed."""
    with pytest.raises(ConfigError, match="SECRET_KEY must be set in production"):
        config_from_environment({})


def test_development_is_asked_for_and_gets_the_placeholder_key():
    """`flask run` reads APP_ENV=development from .flaskenv."""
    settings = config_from_environment({"APP_ENV": "development"})
    assert type(settings) is DevelopmentConfig
    assert settings.SECRET_KEY == DEVELOPMENT_SECRET_KEY


def test_the_flaskenv_file_asks_for_development():
    """The committed .flaskenv is what makes `flask run` a development server."""
    assert "APP_ENV=development" in (PROJECT_ROOT / ".flaskenv").read_text().splitlines()


@pytest.mark.parametrize("value", ["1", "true", "yes"])
def test_production_refuses_the_debugger(value):
    """`flask --debug run` (FLASK_DEBUG) would let any visitor run code: not in production."""
    environ = {
        "SECRET_KEY": "p" * 64,
        "TRUSTED_HOSTS": "example.com",
        "FLASK_DEBUG": value,
    }
    with pytest.raises(ConfigError, match="FLASK_DEBUG must be off in production"):
        config.ProductionConfig(environ)


@pytest.mark.parametrize("name", list(config.CONFIGS))
def test_app_env_picks_the_class_and_the_environment_fills_it(name):
    """APP_ENV names the class, which says its name; SECRET_KEY comes from the environment."""
    key = "k" * MIN_SECRET_KEY_LENGTH  # as production asks
    environ = {"APP_ENV": name, "SECRET_KEY": key, "TRUSTED_HOSTS": "example.com"}
    settings = config_from_environment(environ)
    assert type(settings) is config.CONFIGS[name]
    assert name == settings.APP_ENV
    assert key == settings.SECRET_KEY


# "testing" is no environment of the app's: the suite builds its own TestingConfig.
@pytest.mark.parametrize("name", ["prod", "testing"])
def test_an_unknown_app_env_is_refused_by_name(name):
    """A typo in APP_ENV stops the app with a message that lists the valid names."""
    with pytest.raises(ConfigError, match="APP_ENV must be one of development, production; "):
        config_from_environment({"APP_ENV": name})


@pytest.mark.parametrize("value", ["-1", "one", ""])
def test_a_number_setting_that_is_not_a_whole_number_is_named(value):
    """A bad hop count stops start-up with the variable's name."""
    with pytest.raises(ConfigError, match="PROXY_FIX_X_FOR must be a whole number"):
        config_from_environment({"APP_ENV": "development", "PROXY_FIX_X_FOR": value})
