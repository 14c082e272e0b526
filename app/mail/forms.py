"""Forms of the mail layer, built from the accounts layer's fields, with their limits."""

from flask_wtf import FlaskForm

from app.accounts.forms import confirm_field, email_field, new_password_field


class ForgotPasswordForm(FlaskForm):
    """Ask for a link that resets the password."""

    email = email_field()


class ResetPasswordForm(FlaskForm):
    """Choose a new password, from a reset link."""

    password = new_password_field("New password")
    confirm = confirm_field("Repeat the new password", "password")
