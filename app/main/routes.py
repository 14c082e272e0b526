"""The seed's core pages: the welcome page and the greeting."""

from flask import Blueprint, render_template

bp = Blueprint("main", __name__)


@bp.get("/")
def index():
    """Welcome page: what the kit is, with a link to every feature."""
    return render_template("main/index.html")


@bp.get("/hello/<name>")
def hello(name: str):
    """Greet `name`; the template escapes it, so markup in the URL stays text."""
    return render_template("main/hello.html", name=name)
