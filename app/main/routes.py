"""Views of the seed pages."""

from flask import Blueprint, flash, redirect, render_template, url_for

from app.forms import form_status
from app.main.forms import NameForm

bp = Blueprint("main", __name__)


@bp.get("/")
def index():
    """Welcome page: what the kit is, with a link to every feature."""
    return render_template("main/index.html")


@bp.get("/hello/<name>")
def hello(name: str):
    """Greet `name`; the template escapes it, so markup in the URL stays text."""
    return render_template("main/hello.html", name=name)


@bp.route("/submit", methods=["GET", "POST"])
def submit():
    """Show the name form; on a valid POST, greet and redirect (POST-redirect-GET)."""
    form = NameForm()
    if form.validate_on_submit():
        flash(f"Hello, {form.name.data}! Your form passed validation.", "success")
        return redirect(url_for("main.submit"), code=303)
    return render_template("main/submit.html", form=form), form_status(form)
