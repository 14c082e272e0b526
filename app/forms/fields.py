"""Small helpers that every layer's forms share."""

from flask_wtf import FlaskForm
from wtforms import Field
from wtforms.validators import DataRequired, Length, ValidationError


def strip_whitespace(value: object) -> str | None:
    """Trim what people paste with stray spaces, so "   " counts as empty.

    Anything that is not text (a file sent in a text field's place) counts as empty too.
    """
    return value.strip() if isinstance(value, str) else None


def form_status(form: FlaskForm) -> int:
    """200 for a form shown fresh, 400 for a submission that failed validation."""
    return 400 if form.is_submitted() else 200


def storable_text(_form: FlaskForm, field: Field) -> None:
    """Refuse what a database cannot store: NUL characters (PostgreSQL) and lone surrogates."""
    text = field.data or ""
    if "\x00" in text:
        raise ValidationError("Remove the invisible NUL character.")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise ValidationError("Use only valid Unicode characters.") from None


def text_validators(required_message: str, max_length: int) -> list:
    """A required text field of at most `max_length` characters that any database can store."""
    return [DataRequired(required_message), Length(max=max_length), storable_text]
