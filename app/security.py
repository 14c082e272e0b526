"""Security headers on every response, and ProxyFix when the app sits behind a proxy."""

from flask import Flask
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


class SecurityHeaders:
    """WSGI middleware: add each header in `headers` that the response does not set itself.

    Middleware rather than an after_request hook: appending to the raw header list costs a
    fraction of setting the same headers on Flask's response object, which checks every
    value again, and it covers every response, whoever made it.
    """

    def __init__(self, wsgi_app, headers: dict[str, str]):
        """Wrap `wsgi_app`; the header names are lower-cased once, here."""
        self.wsgi_app = wsgi_app
        self.defaults = [(name.lower(), name, value) for name, value in headers.items()]

    def __call__(self, environ: dict, start_response):
        """Answer through the app, completing the headers when the response starts."""

        def start_secured_response(status: str, headers: list, exc_info=None):
            """Add the missing headers, then start the response."""
            present = {name.lower() for name, _ in headers}
            headers.extend(
                (name, value) for lowered, name, value in self.defaults if lowered not in present
            )
            return start_response(status, headers, exc_info)

        return self.wsgi_app(environ, start_secured_response)


def init_security(app: Flask) -> None:
    """Add the security headers to every response; trust proxy headers only if configured."""
    headers = dict(SECURITY_HEADERS)
    if app.config["STRICT_TRANSPORT_SECURITY"]:
        headers["Strict-Transport-Security"] = app.config["STRICT_TRANSPORT_SECURITY"]
    app.wsgi_app = SecurityHeaders(app.wsgi_app, headers)
    if app.config["PROXY_FIX"]:
        # Without a proxy these headers come from the client and must not be believed.
        app.wsgi_app = ProxyFix(app.wsgi_app, **app.config["PROXY_FIX"])
