"""Error pages: HTML in the site's layout for browsers, JSON for clients that ask for it."""

from flask import Flask, current_app, render_template, request
from werkzeug.exceptions import HTTPException, SecurityError

# Werkzeug's descriptions are written for developers; these are written for visitors.
PLAIN_MESSAGES = {
    400: "The request could not be understood. Check what you sent and try again.",
    404: "There is nothing at this address. Check the link, or start again from the home page.",
    403: "You are not allowed to do that.",
    405: "This address does not accept that kind of request.",
    413: "What you sent is larger than this site accepts. Send something smaller.",
    429: "Too many tries in a short time. Wait a little, then try again.",
    500: "Something went wrong on our side. It has been logged; please try again shortly.",
}


def init_app(app: Flask) -> None:
    """Answer every HTTP error, and every unexpected exception, with `render_error`."""
    app.extensions["json_error_paths"] = []
    app.register_error_handler(HTTPException, render_error)


def answer_errors_in_json(app: Flask, path_prefix: str) -> None:
    """Answer every error under `path_prefix` (an API's `/api/`, say) in JSON."""
    app.extensions["json_error_paths"].append(path_prefix)


def is_json_path() -> bool:
    """True under the paths that answer in JSON (an API's), which read JSON bodies themselves."""
    return request.path.startswith(tuple(current_app.extensions["json_error_paths"]))


def wants_json() -> bool:
    """True under the paths that answer in JSON, and for clients that prefer JSON to HTML."""
    if is_json_path():
        return True
    best = request.accept_mimetypes.best_match(["text/html", "application/json"])
    return best == "application/json"


def error_message(error: HTTPException) -> str:
    """The sentence to show: the view's own description when it gave one, else a plain one."""
    if error.description != type(error).description:
        return error.description
    return PLAIN_MESSAGES.get(error.code, error.description)


def render_error(error: HTTPException, message: str | None = None):
    """Render `error` as JSON or as the error page, with its own status code."""
    message = message or error_message(error)
    # Keep the headers the status needs: Allow on a 405, WWW-Authenticate on a 401.
    headers = {name: value for name, value in error.get_headers() if name != "Content-Type"}
    if isinstance(error, SecurityError):
        # An untrusted Host header: no link to this site can be built for it, so no layout.
        return message, error.code, {"Content-Type": "text/plain; charset=utf-8"}
    if wants_json():
        fields = getattr(error, "fields", {})
        body = {"error": {"status": error.code, "message": message, "fields": fields}}
        return body, error.code, headers
    page = render_template("errors/error.html", error=error, message=message)
    return page, error.code, headers
