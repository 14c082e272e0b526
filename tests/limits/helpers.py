"""Routes that wear each limit of app/limits.py, so the limits are tested on their own.

The site's views wear the same decorators: test_accounts.py, test_guestbook.py and
test_api.py check them there. These routes read no database (conftest.py gives their apps
none of their own). Flask-Limiter keeps one storage for all apps, the newest app's, so a test
builds its app first and then counts on it alone.
"""

from flask import Flask, abort, request

from app.limits import limit_account_attempts, limit_api_writes, limit_writes

RIGHT_PASSWORD = "right password"
RIGHT_TOKEN = "right-token"


def with_limited_routes(app: Flask) -> Flask:
    """Add /attempt (a sign-in), /write and /token-write (an API write) to `app`."""

    @app.route("/attempt", methods=["GET", "POST"])
    @limit_account_attempts
    def attempt():
        """Like the sign-in form: the page on GET; 200 for the right password, else 400."""
        if request.method == "GET" or request.form.get("password") == RIGHT_PASSWORD:
            return "signed in"
        return "refused", 400

    @app.route("/write", methods=["GET", "POST"])
    @limit_writes
    def write():
        """A page on GET, a write on POST."""
        return ("written", 201) if request.method == "POST" else "the form"

    @app.post("/token-write")
    @limit_api_writes
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
