"""Error pages: HTML in the site's layout for browsers, JSON for clients that ask for it."""

from flask import Flask, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

# Werkzeug's descriptions are written for developers; these are written for visitors.
PLAIN_MESSAGES = {
    400: "The request could not be understood. Check what you sent and try again.",
    404: "There is nothing at this address. Check the link, or start again from the home page.",
    405: "This address does not accept that kind of request.",
    413: "What you sent is larger than this site accepts. Send something smaller.",
    500: "Something went wrong on our side. It has been logged; please try again shortly.",
}
CSRF_MESSAGE = (
    "This form has expired or did not come from this site, so it was not sent. "
    "Go back, reload the page and submit it again."
)


def register_error_handlers(app: Flask) -> None:
    """Answer every HTTP error, and every unexpected exception, with `render_error`."""
    app.register_error_handler(HTTPException, render_error)


def wants_json() -> bool:
    """True when the client prefers JSON to HTML (API clients, health checkers)."""
    best = request.accept_mimetypes.best_match(["text/html", "application/json"])
    return best == "application/json"


def error_message(error: HTTPException) -> str:
    """The sentence to show: the view's own description when it gave one, else a plain one."""
    if isinstance(error, CSRFError):
        return CSRF_MESSAGE
    if error.description != type(error).description:
        return error.description
    return PLAIN_MESSAGES.get(error.code, error.description)


def render_error(error: HTTPException):
    """Render `error` as JSON or as the error page, with its own status code."""
    message = error_message(error)
    if wants_json():
        return {"error": {"status": error.code, "message": message}}, error.code
    return render_template("errors/error.html", error=error, message=message), error.code
