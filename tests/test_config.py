"""Configuration: classes chosen by APP_ENV, settings read from the environment."""

import pytest

import config
from config import DEVELOPMENT_SECRET_KEY, ConfigError, DevelopmentConfig, config_from_environment


def test_development_is_the_default():
    """With nothing set, the app runs in development with the placeholder key."""
    settings = config_from_environment({})
    assert type(settings) is DevelopmentConfig
    assert settings.SECRET_KEY == DEVELOPMENT_SECRET_KEY


def test_app_env_picks_the_class_and_the_environment_fills_it():
    """APP_ENV names the class; SECRET_KEY comes from the environment."""
    settings = config_from_environment({"APP_ENV": "testing", "SECRET_KEY": "k"})
    assert type(settings) is config.TestingConfig
    assert settings.TESTING is True
    assert settings.SECRET_KEY == "k"


def test_an_unknown_app_env_is_refused_by_name():
    """A typo in APP_ENV stops the app with a message that lists the valid names."""
    with pytest.raises(ConfigError, match="APP_ENV must be one of development, testing"):
        config_from_environment({"APP_ENV": "prod"})


@pytest.mark.parametrize("value", ["-1", "one", ""])
def test_a_number_setting_that_is_not_a_whole_number_is_named(value):
    """A bad hop count stops start-up with the variable's name."""
    with pytest.raises(ConfigError, match="PROXY_FIX_X_FOR must be a whole number"):
        config_from_environment({"PROXY_FIX_X_FOR": value})
