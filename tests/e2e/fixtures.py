"""Fixtures of the browser tests: the tools, one production server, Chromium, and tabs.

A plugin of the whole suite (tests/conftest.py lists it), so that each layer's browser tests,
in tests/NAME/test_browser.py, use the same server and browser as those in tests/e2e. Any
test that uses `browser` (as `tab` does) is marked `browser`, so the default run leaves it
out; Playwright is imported only when a browser test runs.

Without Chromium or axe-core the browser tests skip with the command that installs them,
except in CI (the CI environment variable is set), where a skipped suite would hide breakage.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import pytest

from tests.e2e.browser import AXE_SCRIPT, INSTALL_HINT, VIEWPORTS, missing_tools
from tests.e2e.server import production_server
from tests.helpers import needs_missing_tool

if TYPE_CHECKING:
    from playwright.sync_api import Browser

    from tests.e2e.tab import Tab


@pytest.fixture(scope="session")
def axe_script() -> str:
    """The source of axe-core; skips the browser tests when a tool is missing (fails in CI)."""
    missing = missing_tools()
    if missing:
        needs_missing_tool(f"Browser tests need {' and '.join(missing)}; install: {INSTALL_HINT}")
    return AXE_SCRIPT.read_text()


@pytest.fixture(scope="session")
def browser(axe_script) -> Iterator[Browser]:
    """Headless Chromium, started once for the whole run."""
    from playwright.sync_api import sync_playwright

    from tests.e2e.browser import launch

    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def server_environ() -> dict[str, str]:
    """Settings for the production server's environment: none here; a layer's fixtures may
    extend this fixture (to point the server at a service of the tests', say).
    """
    return {}


@pytest.fixture(scope="session")
def server_url(axe_script, make_app, server_environ, tmp_path_factory) -> Iterator[str]:
    """The base URL of gunicorn serving the app in production mode, on a database of its own.

    It asks for `axe_script` so that a missing tool skips the tests before a server starts.
    """
    log_path = tmp_path_factory.mktemp("gunicorn") / "gunicorn.log"
    with production_server(make_app(), log_path, server_environ) as base_url:
        yield base_url


@contextmanager
def open_tab(browser: Browser, base_url: str, viewport, axe_script: str) -> Iterator[Tab]:
    """A tab in a browser profile of its own (no cookies), `viewport` wide; closed after."""
    from tests.e2e.tab import Tab

    context = browser.new_context(viewport=viewport, base_url=base_url)
    tab = Tab(context.new_page(), axe_script)
    try:
        yield tab
        tab.assert_nothing_went_wrong()  # what arrived after the last page's audit
    finally:
        context.close()


@pytest.fixture(params=list(VIEWPORTS))
def tab(request, browser, server_url, axe_script) -> Iterator[Tab]:
    """A fresh tab (no cookies) at desktop or phone width; each test runs at both."""
    with open_tab(browser, server_url, VIEWPORTS[request.param], axe_script) as tab:
        yield tab


@pytest.fixture
def other_tab(tab, browser, server_url, axe_script) -> Iterator[Tab]:
    """A second person's tab, in a browser profile of its own, as wide as `tab`."""
    with open_tab(browser, server_url, tab.page.viewport_size, axe_script) as other:
        yield other


@pytest.hookimpl(tryfirst=True)  # before tests/conftest.py leaves out the marked tests
def pytest_collection_modifyitems(items):
    """Mark `browser` every test that starts the browser, wherever it is."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)
