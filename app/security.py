"""Security headers on every response, and ProxyFix when the app sits behind a proxy."""

from flask import Flask, Response
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


def init_security(app: Flask) -> None:
    """Add the security headers to every response; trust proxy headers only if configured."""
    headers = dict(SECURITY_HEADERS)
    if app.config["STRICT_TRANSPORT_SECURITY"]:
        headers["Strict-Transport-Security"] = app.config["STRICT_TRANSPORT_SECURITY"]
    # Lower-cased once, here: each response then needs one pass over its own headers, where
    # Headers.setdefault would search them all again for every default.
    defaults = [(name.lower(), name, value) for name, value in headers.items()]

    @app.after_request
    def add_security_headers(response: Response) -> Response:
        """Set each header the view did not set itself."""
        present = {name.lower() for name, _ in response.headers}
        for lowered, name, value in defaults:
            if lowered not in present:
                response.headers.add(name, value)
        return response

    if app.config["PROXY_FIX"]:
        # Without a proxy these headers come from the client and must not be believed.
        app.wsgi_app = ProxyFix(app.wsgi_app, **app.config["PROXY_FIX"])
