"""Screenshots of the main pages at both widths, for the README.

Run from the root of the repository: `.venv/bin/python -m tests.e2e.screenshots`. It serves
the app with gunicorn on a throwaway SQLite database with demo entries, as the browser tests
do, and writes one PNG per page and width (the visible part of the page) to docs/screenshots/.
"""

import sys
from pathlib import Path
from tempfile import TemporaryDirectory

from flask import Flask  # layer: accounts
from playwright.sync_api import Page, sync_playwright

from app import create_app
from app.accounts import User  # layer: accounts
from app.api.tokens import create_token, revoke_token  # layer: api
from app.extensions import db  # layer: accounts
from config import TestingConfig
from tests.e2e.browser import INSTALL_HINT, VIEWPORTS, launch, missing_tools
from tests.e2e.server import production_server
from tests.e2e.tab import PASSWORD  # layer: accounts
from tests.live import PROJECT_ROOT

SCREENSHOTS = PROJECT_ROOT / "docs" / "screenshots"
PAGES = {
    "home": "/",
    "name-form": "/submit",  # layer: forms
    "guestbook": "/guestbook/",  # layer: guestbook
    "guestbook-entry": "/guestbook/1",  # layer: guestbook
    "404": "/no-such-page",
    "sign-in": "/account/sign-in",  # layer: accounts
    "sign-up": "/account/sign-up",  # layer: accounts
}
# layer: accounts
# Then, signed in as the demo account, the pages of an account.
DEMO_EMAIL = "ada@example.com"
ACCOUNT_PAGES = {
    "account": "/account/",
    "tokens": "/account/tokens/",  # layer: api
}


def add_demo_account(app: Flask) -> None:
    """Create the demo account, with one API token in use and one revoked."""
    with app.app_context():
        user = User(email=DEMO_EMAIL)
        user.set_password(PASSWORD)
        db.session.add(user)
        db.session.commit()
        # layer: api
        create_token(user, "laptop")
        create_token(user, "backup script")
        revoke_token(user, "backup script")
        # end layer: api


def sign_in(page: Page) -> None:
    """Sign in as the demo account with the sign-in form."""
    page.goto("/account/sign-in")
    page.get_by_label("Email").fill(DEMO_EMAIL)
    page.get_by_label("Password").fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()


# end layer: accounts


def save(page: Page, pages: dict[str, str], width: str) -> None:
    """Visit each of `pages` and save what the screen shows, named after the page and width."""
    for name, path in pages.items():
        page.goto(path)
        page.screenshot(path=SCREENSHOTS / f"{name}-{width}.png")
        print(f"docs/screenshots/{name}-{width}.png")


def main() -> None:
    """Serve the app, visit each page at each width, and save what the screen shows."""
    if missing_tools():
        sys.exit(f"Screenshots need {' and '.join(missing_tools())}; install: {INSTALL_HINT}")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with TemporaryDirectory() as folder, sync_playwright() as playwright:
        app = create_app(TestingConfig({"DATABASE_URL": f"sqlite:///{folder}/demo.db"}))
        browser = launch(playwright)
        with production_server(app, Path(folder) / "gunicorn.log") as base_url:
            add_demo_account(app)  # layer: accounts
            for width, viewport in VIEWPORTS.items():
                page = browser.new_page(viewport=viewport, base_url=base_url)
                save(page, PAGES, width)
                # layer: accounts
                sign_in(page)
                save(page, ACCOUNT_PAGES, width)
                # end layer: accounts
        browser.close()


if __name__ == "__main__":
    main()
