"""The two apps every kit page is measured against, served by gunicorn the same way.

`bare` is the floor: a WSGI callable with no framework at all. `hello` is the least a
Flask app can do: one route returning "Hello". The kit's budgets are ratios to `hello`.
"""

from flask import Flask

HELLO = b"Hello"


def bare(environ, start_response):
    """Answer every request with "Hello" and nothing else: no routing, no framework."""
    start_response(
        "200 OK", [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", "5")]
    )
    return [HELLO]


hello = Flask(__name__)


@hello.get("/")
def say_hello():
    """The one route of the Flask reference."""
    return "Hello"
