"""The seed's name form, rebuilt with Flask-WTF: validation, CSRF and POST-redirect-GET."""

from flask import Blueprint, flash, redirect, render_template, url_for

from app.forms import form_status
from app.main.forms import NameForm

bp = Blueprint("name_form", __name__)


@bp.route("/submit", methods=["GET", "POST"])
def submit():
    """Show the name form; on a valid POST, greet and redirect (POST-redirect-GET)."""
    form = NameForm()
    if form.validate_on_submit():
        flash(f"Hello, {form.name.data}! Your form passed validation.", "success")
        return redirect(url_for("name_form.submit"), code=303)
    return render_template("main/submit.html", form=form), form_status(form)
