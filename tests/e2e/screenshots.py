"""Screenshots of the main pages at both widths, for the README.

Run from the root of the repository: `.venv/bin/python -m tests.e2e.screenshots`. It serves
the app with gunicorn on a throwaway SQLite database with demo entries, as the browser tests
do, and writes one PNG per page and width (the visible part of the page) to docs/screenshots/.
"""

import sys
from pathlib import Path
from tempfile import TemporaryDirectory

from playwright.sync_api import sync_playwright

from app import create_app
from config import TestingConfig
from tests.e2e.browser import INSTALL_HINT, VIEWPORTS, launch, missing_tools
from tests.e2e.server import production_server
from tests.live import PROJECT_ROOT

SCREENSHOTS = PROJECT_ROOT / "docs" / "screenshots"
PAGES = {
    "home": "/",
    "name-form": "/submit",  # layer: forms
    "guestbook": "/guestbook/",  # layer: guestbook
    "guestbook-entry": "/guestbook/1",  # layer: guestbook
    "404": "/no-such-page",
}


def main() -> None:
    """Serve the app, visit each page at each width, and save what the screen shows."""
    if missing_tools():
        sys.exit(f"Screenshots need {' and '.join(missing_tools())}; install: {INSTALL_HINT}")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with TemporaryDirectory() as folder, sync_playwright() as playwright:
        app = create_app(TestingConfig({"DATABASE_URL": f"sqlite:///{folder}/demo.db"}))
        browser = launch(playwright)
        with production_server(app, Path(folder) / "gunicorn.log") as base_url:
            for width, viewport in VIEWPORTS.items():
                page = browser.new_page(viewport=viewport, base_url=base_url)
                for name, path in PAGES.items():
                    page.goto(path)
                    page.screenshot(path=SCREENSHOTS / f"{name}-{width}.png")
                    print(f"docs/screenshots/{name}-{width}.png")
        browser.close()


if __name__ == "__main__":
    main()
