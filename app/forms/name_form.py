"""The name form: validation, CSRF and POST-redirect-GET on one small page."""

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_wtf import FlaskForm
from wtforms import StringField

from app.forms.fields import form_status, strip_whitespace, text_validators

NAME_MAX_LENGTH = 50

bp = Blueprint("forms", __name__)


class NameForm(FlaskForm):
    """Asks for a name to greet."""

    name = StringField(
        "Your name",
        validators=text_validators("Please enter your name.", NAME_MAX_LENGTH),
        filters=[strip_whitespace],
    )


@bp.route("/submit", methods=["GET", "POST"])
def submit():
    """Show the name form; on a valid POST, greet and redirect (POST-redirect-GET)."""
    form = NameForm()
    if form.validate_on_submit():
        flash(f"Hello, {form.name.data}! Your form passed validation.", "success")
        return redirect(url_for("forms.submit"), code=303)
    return render_template("forms/submit.html", form=form), form_status(form)
