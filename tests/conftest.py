"""The suite's fixtures: the core's in tests/fixtures.py, then each installed layer's
tests/NAME/fixtures.py, in the order the factory installs the layers (a later module may
extend a fixture of an earlier one: the database layer puts every app on a database).
"""

from pathlib import Path

import pytest

from app import LAYERS

TESTS = Path(__file__).parent

# The browser tests' fixtures serve every folder's browser tests (tests/NAME/test_browser.py).
pytest_plugins = ["tests.fixtures", "tests.e2e.fixtures"] + [
    f"tests.{name}.fixtures" for name in LAYERS if (TESTS / name / "fixtures.py").exists()
]

# Tests that start real servers (gunicorn, nginx, Redis, a flask subprocess), or need
# PostgreSQL, Redis or nginx, carry `servers`; tests in a real browser carry `browser`.
# The everyday `pytest` leaves both out, so it runs in seconds with nothing installed;
# `pytest --servers` (as CI does) runs everything.
SLOW_MARKERS = ("servers", "browser")
DESELECTED = pytest.StashKey[int]()


def pytest_addoption(parser):
    """Add --servers."""
    parser.addoption(
        "--servers",
        action="store_true",
        help="also run the tests that start real servers, use PostgreSQL, Redis, nginx or "
        "the browser (see docs/testing.md)",
    )


def pytest_configure(config):
    """Declare the markers, so --strict-markers accepts them."""
    config.addinivalue_line("markers", "servers: starts real servers or needs a service")
    config.addinivalue_line("markers", "browser: runs in a real browser (Chromium)")


def pytest_collection_modifyitems(config, items):
    """Without --servers, deselect the tests marked `servers` or `browser`."""
    if config.getoption("--servers"):
        return
    slow = [item for item in items if any(item.get_closest_marker(m) for m in SLOW_MARKERS)]
    if slow:
        config.hook.pytest_deselected(items=slow)
        items[:] = [item for item in items if item not in set(slow)]
        config.stash[DESELECTED] = len(slow)


def pytest_terminal_summary(terminalreporter, config):
    """Say how to run the tests the default run left out."""
    if deselected := config.stash.get(DESELECTED, 0):
        terminalreporter.write_line(
            f"{deselected} deselected: run with --servers for the servers and the browser"
        )
