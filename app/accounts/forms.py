"""Forms of the accounts layer; their limits match the columns, so the database never sees more."""

from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, PasswordField
from wtforms.validators import DataRequired, EqualTo, Length, Regexp

from app.accounts.models import (
    EMAIL_MAX_LENGTH,
    PASSWORD_MAX_LENGTH,
    PASSWORD_MIN_LENGTH,
    normalise_email,
)
from app.forms.fields import storable_text, strip_whitespace

# Something, an @, and a domain with a dot: enough to catch typing mistakes. Whether the
# address exists only a sent email could tell, so the kit checks no more than this.
EMAIL_SHAPE = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
PASSWORD_LENGTH_MESSAGE = (
    f"Use {PASSWORD_MIN_LENGTH} to {PASSWORD_MAX_LENGTH} characters for your password."
)


def as_stored(email: str | None) -> str | None:
    """The email as the users table keeps it, so its length is checked as stored: lower case
    can make it longer ("İ" becomes "i" and a combining dot).
    """
    return normalise_email(email) if email else email


def email_field() -> EmailField:
    """The email field that signing up and signing in share."""
    return EmailField(
        "Email",
        validators=[
            DataRequired("Please enter your email address."),
            Length(max=EMAIL_MAX_LENGTH),
            Regexp(EMAIL_SHAPE, message="Enter an email address like name@example.com."),
            storable_text,
        ],
        filters=[strip_whitespace, as_stored],
        render_kw={"autocomplete": "email"},
    )


def new_password_field(label: str) -> PasswordField:
    """A password being chosen: long enough to resist guessing, short enough to hash."""
    return PasswordField(
        label,
        validators=[
            DataRequired("Please choose a password."),
            Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, PASSWORD_LENGTH_MESSAGE),
            storable_text,
        ],
        render_kw={"autocomplete": "new-password"},
    )


def confirm_field(label: str, other: str) -> PasswordField:
    """The same password typed again."""
    return PasswordField(
        label,
        validators=[
            DataRequired("Please type the password again."),
            EqualTo(other, "The passwords do not match."),
        ],
        render_kw={"autocomplete": "new-password"},
    )


def current_password_field(label: str = "Password") -> PasswordField:
    """A password already chosen, checked against the stored hash by the view."""
    return PasswordField(
        label,
        validators=[
            DataRequired("Please enter your password."),
            Length(max=PASSWORD_MAX_LENGTH),
        ],
        render_kw={"autocomplete": "current-password"},
    )


class SignUpForm(FlaskForm):
    """Create an account."""

    email = email_field()
    password = new_password_field("Password")
    confirm = confirm_field("Repeat the password", "password")


class SignInForm(FlaskForm):
    """Sign in with an email and password."""

    email = email_field()
    password = current_password_field()
    remember = BooleanField("Keep me signed in on this device")


class ChangePasswordForm(FlaskForm):
    """Replace the password, after proving the current one."""

    current_password = current_password_field("Current password")
    new_password = new_password_field("New password")
    confirm = confirm_field("Repeat the new password", "new_password")


class DeleteAccountForm(FlaskForm):
    """Delete the account for good, after proving the password."""

    password = current_password_field("Your password, to confirm")
