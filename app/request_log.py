"""One log line per request, tied to a request id that the response echoes."""

import logging
import re
import secrets
import sys
import time

from flask import Flask, has_request_context, request

# A proxy's X-Request-ID is honoured only if it is short and plain, so logs can't be forged.
VALID_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,128}")
LOG_FORMAT = "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"
# Where the id waits in the WSGI environ, for log lines written while the app works.
REQUEST_ID_KEY = "app.request_id"

request_logger = logging.getLogger("app.requests")


class RequestIdFilter(logging.Filter):
    """Stamp each record with the current request's id ("-" outside a request)."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Add `request_id` to the record, unless the caller gave one; never drop it."""
        if not hasattr(record, "request_id"):
            in_request = has_request_context()
            record.request_id = request.environ.get(REQUEST_ID_KEY, "-") if in_request else "-"
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


class RequestLog:
    """WSGI middleware: give each request an id, echo it, and log it when it is answered.

    Middleware rather than Flask's before and after hooks: it sees the raw environ and
    header list, which costs less than the same work through the request and response
    objects, and it logs even what Flask answers before any hook runs.
    """

    def __init__(self, wsgi_app):
        """Wrap `wsgi_app`, normally `app.wsgi_app`."""
        self.wsgi_app = wsgi_app

    def __call__(self, environ: dict, start_response):
        """Answer the request through the app, logging the status the app starts."""
        started = time.perf_counter()
        sent = environ.get("HTTP_X_REQUEST_ID", "")
        # 32 random hex digits, like uuid4().hex, without building a UUID object per request.
        request_id = sent if VALID_REQUEST_ID.fullmatch(sent) else secrets.token_hex(16)
        environ[REQUEST_ID_KEY] = request_id

        def start_logged_response(status: str, headers: list, exc_info=None):
            """Echo the id, log the line, then start the response."""
            headers.append(("X-Request-ID", request_id))
            log_request(environ, status, (time.perf_counter() - started) * 1000, request_id)
            return start_response(status, headers, exc_info)

        return self.wsgi_app(environ, start_logged_response)


def log_request(environ: dict, status: str, milliseconds: float, request_id: str) -> None:
    """Log method, path, status code and duration in one line."""
    # WSGI carries the path as latin-1 text; the visitor's URL was UTF-8.
    raw_path = environ.get("SCRIPT_NAME", "") + environ.get("PATH_INFO", "")
    path = raw_path.encode("latin-1").decode("utf-8", "replace")
    if not path.isprintable():  # a %0A in the URL must not start a forged log line
        path = path.encode("unicode_escape").decode("ascii")
    request_logger.info(
        "%s %s %s %.1fms",
        environ["REQUEST_METHOD"],
        path,
        status[:3],
        milliseconds,
        extra={"request_id": request_id},
    )


def init_request_log(app: Flask) -> None:
    """Log every request, and every exception, to stderr with its request id."""
    handler = StderrHandler()
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    handler.addFilter(RequestIdFilter())
    for logger in (app.logger, request_logger):
        logger.handlers[:] = [handler]  # one handler, even when create_app runs twice
        logger.setLevel(logging.INFO)
        logger.propagate = False
    app.wsgi_app = RequestLog(app.wsgi_app)
