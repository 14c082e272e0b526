"""Forms of the main pages."""

from flask_wtf import FlaskForm
from wtforms import StringField

from app.forms import strip_whitespace, text_validators

NAME_MAX_LENGTH = 50


class NameForm(FlaskForm):
    """Asks for a name to greet."""

    name = StringField(
        "Your name",
        validators=text_validators("Please enter your name.", NAME_MAX_LENGTH),
        filters=[strip_whitespace],
    )
