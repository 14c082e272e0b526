"""The forms layer (Flask-WTF): CSRF protection on every POST, and the `/submit` name form.

Other layers build their forms with the helpers in `app.forms.fields`.
"""

from flask import Flask, abort, request
from flask_wtf import CSRFProtect
from flask_wtf.csrf import CSRFError

from app.errors import is_json_path, render_error
from app.forms.name_form import bp
from app.layout import add_home_card, add_nav_link

NEEDS = ()
CSRF_MESSAGE = (
    "This form has expired or did not come from this site, so it was not sent. "
    "Go back, reload the page and submit it again."
)
# Checks the CSRF token of every POST, PUT, PATCH and DELETE before the view runs.
csrf = CSRFProtect()


def init_app(app: Flask) -> None:
    """Check CSRF tokens, explain a failed check, and add the name form's page."""
    csrf.init_app(app)
    app.register_error_handler(CSRFError, explain_csrf_failure)
    app.before_request(refuse_json_that_is_not_an_object)
    app.register_blueprint(bp)
    add_nav_link(app, "Name form", "forms.submit")
    add_home_card(app, "forms/_card.html")


def refuse_json_that_is_not_an_object() -> None:
    """400 for a JSON body that is not an object, sent to a page with a form.

    Flask-WTF reads a JSON body as the form's fields, and fails on a list or a string; the
    paths that answer in JSON (an API's) read their bodies themselves.
    """
    if not request.is_json or is_json_path():
        return
    try:
        fields = request.get_json(silent=True)
    except RecursionError:  # thousands of nested brackets: no form looks like that
        fields = None
    if not isinstance(fields, dict):
        abort(400, "Send the form's fields as a JSON object.")


def explain_csrf_failure(error: CSRFError):
    """The 400 page for a form without a valid CSRF token, explained in plain words."""
    return render_error(error, CSRF_MESSAGE)
