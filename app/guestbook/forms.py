"""Forms of the guestbook; their limits match the columns, so the database never sees more."""

from flask_wtf import FlaskForm
from wtforms import StringField, TextAreaField
from wtforms.validators import DataRequired, Length

from app.forms import storable_text, strip_whitespace
from app.guestbook.models import MESSAGE_MAX_LENGTH, NAME_MAX_LENGTH


class EntryForm(FlaskForm):
    """Sign the guestbook, or edit an entry."""

    name = StringField(
        "Name",
        validators=[
            DataRequired("Please enter your name."),
            Length(max=NAME_MAX_LENGTH),
            storable_text,
        ],
        filters=[strip_whitespace],
    )
    message = TextAreaField(
        "Message",
        validators=[
            DataRequired("Please write a message."),
            Length(max=MESSAGE_MAX_LENGTH),
            storable_text,
        ],
        filters=[strip_whitespace],
    )


class DeleteForm(FlaskForm):
    """No fields: it carries the CSRF token that makes deleting a deliberate POST."""
