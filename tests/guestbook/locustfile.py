"""Locust: a visitor of the HTML site, who mostly reads the guestbook and now and then signs it.

Each visitor signs up first, with an email of its own, as signing the guestbook needs an account.

Run with `locust -f tests/guestbook/locustfile.py --host http://127.0.0.1:8000` (add
`,tests/api/locustfile.py` for the API's users too); CI runs it headless through
.ci/load_smoke.py.
"""

import random
import re
import secrets
import uuid
from html.parser import HTMLParser

from locust import HttpUser, between, task
from requests.cookies import RequestsCookieJar

# Entry pages; the list also links to /guestbook/new, which this does not match.
ENTRY_PATH = re.compile(r"/guestbook/\d+")


class Page(HTMLParser):
    """The links and form inputs of one HTML page, each as a dict of its attributes."""

    def __init__(self, html: str):
        """Parse `html` at once."""
        super().__init__()
        self.links: list[dict] = []
        self.inputs: list[dict] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        """Keep <a> and <input> tags; attribute values arrive unescaped (&amp; is &)."""
        if tag == "a":
            self.links.append(dict(attrs))
        elif tag == "input":
            self.inputs.append(dict(attrs))

    def href(self, rel: str) -> str | None:
        """The href of the first link with `rel` among its rel values, if there is one."""
        return next((a["href"] for a in self.links if rel in a.get("rel", "").split()), None)

    def input_value(self, name: str) -> str | None:
        """The value of the input called `name`, if there is one."""
        return next((i.get("value") for i in self.inputs if i.get("name") == name), None)


class PlainHttpCookieJar(RequestsCookieJar):
    """A cookie jar that sends Secure cookies over plain HTTP too, as Chromium does to 127.0.0.1.

    Production marks the session cookie Secure, and the load test talks plain HTTP to gunicorn
    (the part a TLS-terminating proxy would play is left out), so without this no POST would
    carry its session and every CSRF check would fail. A cookie policy would not do: requests
    copies the cookies into a new jar, with the default policy, for every request it sends.
    """

    def set_cookie(self, cookie, *args, **kwargs):
        """Keep `cookie`, without its Secure flag."""
        cookie.secure = False
        return super().set_cookie(cookie, *args, **kwargs)


class Visitor(HttpUser):
    """Someone with a browser: reads pages of the guestbook and its entries, sometimes signs."""

    # Brisk, but with a pause between pages as a reader makes; short enough for a few
    # seconds of smoke test to reach every task.
    wait_time = between(0.2, 1)

    def on_start(self):
        """Send the session cookie over plain HTTP, sign up, and read the list's first page."""
        self.client.cookies = PlainHttpCookieJar()
        self.entry_paths: list[str] = []
        self.older_page: str | None = None
        self.sign_up()
        self.read_list("/guestbook/", "/guestbook/")

    def sign_up(self) -> None:
        """Make an account with a new email through the sign-up form, and stay signed in."""
        password = secrets.token_urlsafe(12)
        fields = {"email": f"{uuid.uuid4().hex}@example.com", "password": password}
        self.send_form("/account/sign-up", {**fields, "confirm": password})

    def send_form(self, path: str, fields: dict[str, str]) -> None:
        """GET the form at `path`, then POST `fields` with its CSRF token; expect a 303."""
        with self.client.get(path, catch_response=True) as form:
            token = Page(form.text).input_value("csrf_token")
            if form.ok and not token:
                form.failure("no csrf_token input on the form")
        if not token:
            return
        fields = {**fields, "csrf_token": token}
        with self.client.post(path, data=fields, catch_response=True) as response:
            if response.ok and not any(r.status_code == 303 for r in response.history):
                response.failure(f"expected a 303, got {response.status_code}")

    def read_list(self, url: str, name: str) -> None:
        """GET a list page; remember its entry links and its "Older entries" link."""
        response = self.client.get(url, name=name)
        if not response.ok:
            return  # Locust has counted the failure
        page = Page(response.text)
        # The pager's parameters are the app's business: follow its link, as a browser does.
        self.older_page = page.href("next")
        hrefs = [a.get("href", "") for a in page.links]
        self.entry_paths = [href for href in hrefs if ENTRY_PATH.fullmatch(href)]

    @task(5)
    def browse_list(self):
        """The list: the first page, or half the time the next older page of the last one read."""
        if self.older_page and random.random() < 0.5:  # noqa: S311 (not for security)
            self.read_list(self.older_page, "/guestbook/ [older page]")
        else:
            self.read_list("/guestbook/", "/guestbook/")

    @task(3)
    def read_entry(self):
        """An entry linked from the last list page read."""
        if self.entry_paths:
            path = random.choice(self.entry_paths)  # noqa: S311 (not for security)
            self.client.get(path, name="/guestbook/[id]")

    @task(1)
    def home(self):
        """The home page."""
        self.client.get("/")

    @task(1)
    def sign(self):
        """Fill in the guestbook's form and send it; the 303 leads back to the list."""
        self.send_form("/guestbook/new", {"name": "Locust", "message": "Signed under load."})
