"""Forms of the guestbook; their limits match the columns, so the database never sees more."""

from flask_wtf import FlaskForm
from wtforms import StringField, TextAreaField

from app.forms.fields import strip_whitespace, text_validators
from app.guestbook.models import MESSAGE_MAX_LENGTH, NAME_MAX_LENGTH


class EntryForm(FlaskForm):
    """Sign the guestbook, or edit an entry."""

    name = StringField(
        "Name",
        validators=text_validators("Please enter your name.", NAME_MAX_LENGTH),
        filters=[strip_whitespace],
    )
    message = TextAreaField(
        "Message",
        validators=text_validators("Please write a message.", MESSAGE_MAX_LENGTH),
        filters=[strip_whitespace],
    )


class DeleteForm(FlaskForm):
    """No fields: it carries the CSRF token that makes deleting a deliberate POST."""
