"""One log line per request, tied to a request id that the response echoes."""

import logging
import re
import secrets
import sys
import time

from flask import Flask, Response, g, has_request_context, request

# A proxy's X-Request-ID is honoured only if it is short and plain, so logs can't be forged.
VALID_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,128}")
LOG_FORMAT = "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"

request_logger = logging.getLogger("app.requests")


class RequestIdFilter(logging.Filter):
    """Stamp each record with the current request's id ("-" outside a request)."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Add `request_id` to the record; never drop it."""
        record.request_id = g.get("request_id", "-") if has_request_context() else "-"
        return True


class StderrHandler(logging.StreamHandler):
    """Write each record to sys.stderr, looked up when the record is written.

    Looked up, not bound at start-up, so it follows a test runner that swaps sys.stderr.
    Flask's wsgi_errors_stream also ends on stderr under gunicorn and `flask run`, but
    through a proxy resolved on every write and a server-side wrapper that flushes again:
    a few percent of a small page, for a line that is written on every request.
    """

    def __init__(self):
        """A handler with no stream of its own."""
        logging.Handler.__init__(self)

    @property
    def stream(self):
        """The process's standard error, as it is now."""
        return sys.stderr


def init_request_log(app: Flask) -> None:
    """Log every request, and every exception, to stderr with its request id."""
    handler = StderrHandler()
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    handler.addFilter(RequestIdFilter())
    for logger in (app.logger, request_logger):
        logger.handlers[:] = [handler]  # one handler, even when create_app runs twice
        logger.setLevel(logging.INFO)
        logger.propagate = False
    app.before_request(start_request)
    app.after_request(log_request)


def start_request() -> None:
    """Note the start time, and take the proxy's request id or make one."""
    g.request_started = time.perf_counter()
    sent = request.headers.get("X-Request-ID", "")
    # 32 random hex digits, like uuid4().hex, without building a UUID object per request.
    g.request_id = sent if VALID_REQUEST_ID.fullmatch(sent) else secrets.token_hex(16)


def log_request(response: Response) -> Response:
    """Echo the request id and log method, path, status and duration in one line."""
    response.headers["X-Request-ID"] = g.request_id
    milliseconds = (time.perf_counter() - g.request_started) * 1000
    request_logger.info(
        "%s %s %s %.1fms", request.method, request.path, response.status_code, milliseconds
    )
    return response
