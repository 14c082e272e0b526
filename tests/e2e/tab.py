"""A browser tab that fails the test on anything a visitor would notice going wrong."""

import secrets

from playwright.sync_api import (
    ConsoleMessage,
    Locator,
    Page,
    Request,
    Response,
    expect,
)

from tests.e2e.audit import accessibility_failures

# The password of the accounts the browser tests sign up (the accounts layer's pages).
PASSWORD = "correct horse battery staple"


def new_email() -> str:
    """An email address no other test signs up with."""
    return f"visitor-{secrets.token_hex(4)}@example.com"


class Tab:
    """Wraps a Playwright page: move between pages with `visit` and `click_through`.

    Both audit the page they arrive on (see audit.py) and fail on any console error (CSP
    violations are console errors), uncaught script error, failed request, or asset that
    answered 4xx/5xx, on that page or on an earlier one.
    """

    def __init__(self, page: Page, axe_script: str):
        """Start listening to `page`; nothing has gone wrong yet."""
        self.page, self.axe_script = page, axe_script
        self.problems: list[str] = []
        self.console_errors: list[tuple[str, str]] = []  # (where, text)
        self.error_pages: dict[str, int] = {}  # URL -> the status a test asked it for
        page.on("console", self.on_console)
        page.on("pageerror", lambda error: self.problems.append(f"script error: {error}"))
        page.on("requestfailed", self.on_request_failed)
        page.on("response", self.on_response)

    @property
    def heading(self) -> Locator:
        """The page's <h1>, which says where the visitor is."""
        return self.page.get_by_role("heading", level=1)

    @property
    def status(self) -> Locator:
        """The messages the last action left at the top of the page (role "status")."""
        return self.page.get_by_role("status")

    @property
    def navigation(self) -> Locator:
        """The header's navigation, which leads to every feature (and to the account)."""
        return self.page.get_by_role("navigation", name="Main")

    def visit(self, path: str, status: int = 200) -> None:
        """Type `path` into the address bar and check the page that answers."""
        self.arrive(self.page.goto(path), status)

    def click_through(self, target: Locator, status: int = 200) -> None:
        """Click a link or button that leads to another page, and check that page."""
        with self.page.expect_navigation() as navigation:
            target.click()
        self.arrive(navigation.value, status)

    # The accounts layer's pages, which the other layers' browser tests go through too.
    def sign_up(self, email: str | None = None, password: str = PASSWORD) -> str:
        """On the sign-up page, create an account, and so sign in; return its email."""
        email = email or new_email()
        self.page.get_by_label("Email").fill(email)
        self.page.get_by_label("Password", exact=True).fill(password)
        self.page.get_by_label("Repeat the password").fill(password)
        self.click_through(self.page.get_by_role("button", name="Create account"))
        expect(self.navigation.get_by_role("button", name="Sign out")).to_be_visible()
        return email

    def sign_in(self, email: str, password: str = PASSWORD, status: int = 200) -> None:
        """On the sign-in page, send `email` and `password`; the page must answer `status`."""
        self.page.get_by_label("Email").fill(email)
        self.page.get_by_label("Password").fill(password)
        self.click_through(self.page.get_by_role("button", name="Sign in"), status)

    def sign_out(self) -> None:
        """Sign out with the header's button; the header offers Sign in again."""
        self.click_through(self.navigation.get_by_role("button", name="Sign out"))
        expect(self.navigation.get_by_role("link", name="Sign in")).to_be_visible()

    def arrive(self, response: Response, status: int) -> None:
        """Check that the page answered `status`, then audit it."""
        assert response.status == status, f"{response.url} answered {response.status}"
        if status >= 400:
            self.error_pages[response.url] = status
        failures = accessibility_failures(self.page, self.axe_script)
        assert not failures, f"{self.page.url} fails its audit:\n" + "\n".join(failures)
        self.assert_nothing_went_wrong()

    def assert_nothing_went_wrong(self) -> None:
        """Fail on every problem seen since the last check, then start afresh."""
        problems = self.problems + [
            f"console error at {where}: {text}"
            for where, text in self.console_errors
            if not self.is_error_page_status(where, text)
        ]
        self.problems, self.console_errors = [], []
        assert not problems, "\n".join(problems)

    def is_error_page_status(self, where: str, text: str) -> bool:
        """True for the console error Chromium logs for an error page that a test asked for.

        Chromium reports any 4xx/5xx document as "Failed to load resource", located at the
        page's own URL. Only that exact text is forgiven, and only at that URL with the
        status the test expected: a script error on the same page reads differently.
        """
        status = self.error_pages.get(where)
        prefix = f"Failed to load resource: the server responded with a status of {status} "
        return status is not None and text.startswith(prefix)

    def on_console(self, message: ConsoleMessage) -> None:
        """Keep console errors; Content-Security-Policy violations are reported as these."""
        if message.type == "error":
            self.console_errors.append((message.location["url"], message.text))

    def on_request_failed(self, request: Request) -> None:
        """Note requests that got no answer at all.

        Not those the browser gave up itself because the tab moved on to another page (the
        favicon of a page left at once): the server had no part in that.
        """
        if request.failure != "net::ERR_ABORTED":
            self.problems.append(f"request failed: {request.url} ({request.failure})")

    def on_response(self, response: Response) -> None:
        """Note assets (stylesheet, icon, script) that answered 4xx or 5xx.

        The page's own status is checked by `arrive`, since tests ask for error pages.
        """
        if response.status >= 400 and not response.request.is_navigation_request():
            self.problems.append(f"{response.url} answered {response.status}")
