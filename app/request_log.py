"""One log line per request, tied to a request id that the response echoes.

Logging is set up the way Flask's logging docs show: the app logs through `app.logger`,
whose records also reach the root logger. So pytest's `caplog`, `logging.config.dictConfig`
and gunicorn's `--log-config` all see them. When nothing else is configured, Flask writes
them to stderr through its `default_handler`, which the kit gives the request id.
"""

import logging
import re
import secrets
import time

from flask import Flask, Response, current_app, has_request_context, request
from flask.logging import default_handler

# A proxy's X-Request-ID is honoured only if it is short and plain, so logs can't be forged.
VALID_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,128}")
LOG_FORMAT = "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"
# Where each request keeps its id and start time: keys of its own WSGI environ, which lives
# exactly as long as the request.
REQUEST_ID_KEY = "app.request_id"
STARTED_KEY = "app.request_started"


class RequestIdFilter(logging.Filter):
    """Stamp each record with the current request's id ("-" outside a request).

    Add it to your own handlers too (dictConfig: `"()": "app.request_log.RequestIdFilter"`)
    to use `%(request_id)s` in their format.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        """Add `request_id` to the record; never drop it."""
        in_request = has_request_context()
        record.request_id = request.environ.get(REQUEST_ID_KEY, "-") if in_request else "-"
        return True


def init_app(app: Flask) -> None:
    """Give every request an id, echo it in X-Request-ID, and log one line when it is answered."""
    if not any(isinstance(f, RequestIdFilter) for f in default_handler.filters):
        default_handler.addFilter(RequestIdFilter())
    default_handler.setFormatter(logging.Formatter(LOG_FORMAT))
    # Flask leaves the level to you: INFO, so the request lines show, unless you set one.
    if not app.logger.level:
        app.logger.setLevel(logging.INFO)
    app.before_request(start_request)
    app.after_request(finish_request)


def start_request() -> None:
    """Note when the request started, and its id: the proxy's, if safe, else a new one."""
    sent = request.headers.get("X-Request-ID", "")
    request_id = sent if VALID_REQUEST_ID.fullmatch(sent) else secrets.token_hex(16)
    request.environ.update({STARTED_KEY: time.perf_counter(), REQUEST_ID_KEY: request_id})


def finish_request(response: Response) -> Response:
    """Echo the request id, and log client, method, path, status and duration in one line."""
    response.headers["X-Request-ID"] = request.environ[REQUEST_ID_KEY]
    # `flask run`'s development server writes its own line for every request.
    if request.environ.get("SERVER_SOFTWARE", "").startswith("Werkzeug/"):
        return response
    path = request.path
    if not path.isprintable():  # a %0A in the URL must not start a forged log line
        path = path.encode("unicode_escape").decode("ascii")
    milliseconds = (time.perf_counter() - request.environ[STARTED_KEY]) * 1000
    # The client's address as ProxyFix gives it behind a proxy (PROXY_FIX_X_FOR).
    current_app.logger.info(
        "%s %s %s %s %.1fms",
        request.remote_addr,
        request.method,
        path,
        response.status_code,
        milliseconds,
    )
    return response
