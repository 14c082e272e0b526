"""The forms layer (Flask-WTF): CSRF protection on every POST, and the `/submit` name form.

Other layers build their forms with the helpers in `app.forms.fields`.
"""

from flask import Flask
from flask_wtf import CSRFProtect
from flask_wtf.csrf import CSRFError

from app.errors import render_error
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
    app.register_blueprint(bp)
    add_nav_link(app, "Name form", "forms.submit")
    add_home_card(app, "forms/_card.html")


def explain_csrf_failure(error: CSRFError):
    """The 400 page for a form without a valid CSRF token, explained in plain words."""
    return render_error(error, CSRF_MESSAGE)
