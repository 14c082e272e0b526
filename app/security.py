"""Security headers on every response, and ProxyFix when the app sits behind a proxy."""

import io

from flask import Flask, Response, abort, current_app, request
from werkzeug.middleware.proxy_fix import ProxyFix

# Only this site's own files may load: no inline script or style, no framing, no plugins.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",  # frame-ancestors for browsers that predate CSP 2
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
}


def init_app(app: Flask) -> None:
    """Add the security headers to every response; trust proxy headers only if configured."""
    app.before_request(read_streamed_body)
    app.after_request(add_security_headers)
    if app.config["PROXY_FIX"]:
        # Without a proxy these headers come from the client and must not be believed.
        # ProxyFix rewrites the WSGI environ before Flask sees it, so it wraps the WSGI app.
        app.wsgi_app = ProxyFix(app.wsgi_app, **app.config["PROXY_FIX"])


def add_security_headers(response: Response) -> Response:
    """Add each security header the response does not set itself (a view may set its own)."""
    # One pass over the response's headers, not one per header (names are case-insensitive).
    present = {name.lower() for name, _value in response.headers}
    response.headers.extend(
        (name, value) for name, value in SECURITY_HEADERS.items() if name.lower() not in present
    )
    if hsts := current_app.config["STRICT_TRANSPORT_SECURITY"]:
        response.headers.setdefault("Strict-Transport-Security", hsts)
    return response


def read_streamed_body() -> None:
    """Read a body sent without a Content-Length (chunked) now, so its size can be checked.

    Werkzeug stops reading such a body at MAX_CONTENT_LENGTH and hands on what it read, so a
    larger one would be cut short and accepted. Reading one byte more than the limit tells a
    413 from a body that fits. nginx in front (deploy/nginx.conf) does the same before
    gunicorn sees the request; this covers a server that faces clients itself.
    """
    environ = request.environ
    if environ.get("CONTENT_LENGTH") or not environ.get("wsgi.input_terminated"):
        return  # a declared length, which Werkzeug checks; or no body a server lets through
    limit = current_app.config["MAX_CONTENT_LENGTH"]
    try:
        body = environ["wsgi.input"].read(limit + 1)
    except Exception:  # the server's parser refused the chunks: the client's mistake
        abort(400, "The request body could not be read: its chunked encoding is malformed.")
    if len(body) > limit:
        abort(413)
    environ["wsgi.input"] = io.BytesIO(body)
    environ["CONTENT_LENGTH"] = str(len(body))
