"""Small helpers shared by the kit's forms."""

from flask_wtf import FlaskForm


def strip_whitespace(value: str | None) -> str | None:
    """Trim what people paste with stray spaces, so "   " counts as empty."""
    return value.strip() if isinstance(value, str) else value


def form_status(form: FlaskForm) -> int:
    """200 for a form shown fresh, 400 for a submission that failed validation."""
    return 400 if form.is_submitted() else 200
