"""The suite's fixtures, one module per layer; a later module extends the ones before it."""

pytest_plugins = [
    "tests.app_fixtures",
    "tests.database_fixtures",  # layer: database
    "tests.accounts_fixtures",  # layer: accounts
    "tests.limits_fixtures",  # layer: limits
]
