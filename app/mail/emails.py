"""The layer's two emails: a link to confirm the address, and a link to reset the password."""

from flask import current_app, flash, url_for

from app.accounts.models import User
from app.mail.sending import in_words, send_email
from app.mail.tokens import CONFIRM, RESET, confirm_token, reset_token

COULD_NOT_SEND = "We could not send the email just now. Please try again in a few minutes."


def send_confirmation(user: User) -> bool:
    """Send `user` a link that confirms their address; False if it could not be sent."""
    return send_email(
        user.email,
        f"Confirm your email address for {current_app.config['SITE_NAME']}",
        "confirm_email.txt",
        link=url_for("mail.confirm_email", token=confirm_token(user), _external=True),
        valid_for=in_words(CONFIRM.max_age()),
    )


def send_reset_link(email: str) -> bool:
    """Email `email` a link to reset its account's password or, when no account has that
    address, a note that says so. Either way one email goes out, so the time the answer takes
    can't tell whether the account exists.
    """
    subject = f"Reset your password on {current_app.config['SITE_NAME']}"
    user = User.find_by_email(email)
    if user is None:
        sign_up = url_for("accounts.sign_up", _external=True)
        return send_email(email, subject, "no_account.txt", sign_up_link=sign_up)
    return send_email(
        user.email,
        subject,
        "reset_password.txt",
        link=url_for("mail.reset_password", token=reset_token(user), _external=True),
        valid_for=in_words(RESET.max_age()),
    )


def confirm_new_account(_app, user: User) -> None:
    """After a sign-up (the accounts layer's `account_created`), send the confirmation link.

    The account exists either way; if the email could not go, the visitor is told, and can
    send it again from the account page.
    """
    if send_confirmation(user):
        flash(f"We sent a link to {user.email}: open it to confirm your address.", "info")
    else:
        flash(f"{COULD_NOT_SEND} Send it again from your account page.", "error")
