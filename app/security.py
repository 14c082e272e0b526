"""Security headers on every response, and ProxyFix when the app sits behind a proxy."""

from flask import Flask, Response, current_app
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
    app.after_request(add_security_headers)
    if app.config["PROXY_FIX"]:
        # Without a proxy these headers come from the client and must not be believed.
        # ProxyFix rewrites the WSGI environ before Flask sees it, so it wraps the WSGI app.
        app.wsgi_app = ProxyFix(app.wsgi_app, **app.config["PROXY_FIX"])


def add_security_headers(response: Response) -> Response:
    """Add each security header the response does not set itself (a view may set its own)."""
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    if hsts := current_app.config["STRICT_TRANSPORT_SECURITY"]:
        response.headers.setdefault("Strict-Transport-Security", hsts)
    return response
