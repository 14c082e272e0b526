"""Routes that meet each limit of app/limits, so the limits are tested on their own.

The limits apply to the whole app: no route here is decorated. /attempt is an account page
because its app names it in RATELIMIT_ACCOUNT_PAGES; every POST, to any route, is a write.
The site's own pages meet the same limits: tests/accounts/test_limits.py,
tests/guestbook/test_limits.py and tests/api/test_limits.py check them there. These routes
read no database. Flask-Limiter keeps one storage for all apps, the newest app's, so a test
builds its app first and then counts on it alone.
"""

from flask import Flask, abort, request

RIGHT_PASSWORD = "right password"
RIGHT_TOKEN = "right-token"
# The endpoints of the routes below that are account pages, for RATELIMIT_ACCOUNT_PAGES.
ACCOUNT_PAGES = ["attempt"]


def with_limited_routes(app: Flask) -> Flask:
    """Add /attempt (a sign-in), /write and /token-write (an API write) to `app`."""

    @app.route("/attempt", methods=["GET", "POST"])
    def attempt():
        """Like the sign-in form: the page on GET; 200 for the right password (in the form or
        a JSON body), else 400.
        """
        sent = request.form or request.get_json(silent=True)
        if request.method == "GET":
            return "the form"
        if isinstance(sent, dict) and sent.get("password") == RIGHT_PASSWORD:
            return "signed in"
        return "refused", 400

    @app.route("/write", methods=["GET", "POST", "PUT", "PATCH", "DELETE"])
    def write():
        """A page on GET; a write by any other method."""
        return ("written", 201) if request.method != "GET" else "the form"

    @app.post("/token-write")
    def token_write():
        """An API write: 401 without the right bearer token."""
        if request.headers.get("Authorization") != f"Bearer {RIGHT_TOKEN}":
            abort(401)
        return {"written": True}, 201

    return app


def from_address(address: str) -> dict[str, str]:
    """The environ of a request sent from `address` (for `environ_base`)."""
    return {"REMOTE_ADDR": address}


def attempt(client, email: str, password: str = "wrong", address: str = "127.0.0.1") -> int:
    """The status of a sign-in attempt on /attempt for `email`, sent from `address`."""
    form = {"email": email, "password": password}
    return client.post("/attempt", data=form, environ_base=from_address(address)).status_code
