"""Forms of the main pages."""

from flask_wtf import FlaskForm
from wtforms import StringField
from wtforms.validators import DataRequired, Length

from app.forms import strip_whitespace

NAME_MAX_LENGTH = 50


class NameForm(FlaskForm):
    """Asks for a name to greet."""

    name = StringField(
        "Your name",
        validators=[DataRequired("Please enter your name."), Length(max=NAME_MAX_LENGTH)],
        filters=[strip_whitespace],
    )
