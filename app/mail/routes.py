"""Views of the mail layer, to confirm the email address, and reset a forgotten password."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from app.accounts import release_connection
from app.database import db
from app.database.models import utc_now
from app.forms.fields import form_status
from app.mail.emails import COULD_NOT_SEND, send_confirmation, send_reset_link
from app.mail.forms import ForgotPasswordForm, ResetPasswordForm
from app.mail.sending import in_words
from app.mail.tokens import RESET, account_of_confirm_link, account_of_reset_link

bp = Blueprint("mail", __name__)

ANOTHER_ACCOUNT_FORM = "That page was for another account. Reload it, then try again."


@bp.route("/forgot", methods=["GET", "POST"])
def forgot_password():
    """Ask for a reset link by email. The answer is the same whether an account has the
    address or not, and whether the email could be sent or not (that is logged).
    """
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        send_reset_link(form.email.data)
        flash(
            f"If an account uses {form.email.data}, a link to reset its password is on its "
            f"way (it works for {in_words(RESET.max_age())}). None in a few minutes? Ask again.",
            "success",
        )
        return redirect(url_for("accounts.sign_in"), code=303)
    return render_template("mail/forgot.html", form=form), form_status(form)


@bp.route("/reset/<token>", methods=["GET", "POST"])
def reset_password(token: str):
    """Choose a new password from a reset link. It works once: the new password signs out
    every session of the account, and stops the link.
    """
    user = account_of_reset_link(token, current_user)
    form = ResetPasswordForm()
    if form.validate_on_submit():
        release_connection()  # hashing is slow: hold no connection meanwhile
        user.set_password(form.password.data)
        db.session.add(user)
        # The link reached the address, which proves it is the owner's.
        if user.email_confirmed_at is None:
            user.email_confirmed_at = utc_now()
        db.session.commit()
        flash(
            "Your password is changed, and every device is signed out. Sign in with it.", "success"
        )
        return redirect(url_for("accounts.sign_in"), code=303)
    return render_template("mail/reset.html", form=form), form_status(form)


@bp.get("/confirm/<token>")
def confirm_email(token: str):
    """Confirm the address a confirmation link was sent to; a second time changes nothing."""
    user = account_of_confirm_link(token, current_user)
    if user.email_confirmed_at is not None:
        flash("Your email address was confirmed already.", "info")
    else:
        user.email_confirmed_at = utc_now()
        db.session.commit()
        flash("Thank you: your email address is confirmed.", "success")
    return redirect(url_for("main.index"), code=303)


@bp.post("/confirm")
@login_required
def resend_confirmation():
    """Send the confirmation link again, from the button on the account page.

    The form names the account's email, for the limits layer's count per email; a page
    loaded before signing in as someone else names another, and is refused.
    """
    if request.form.get("email") != current_user.email:
        abort(400, ANOTHER_ACCOUNT_FORM)
    if current_user.email_confirmed_at is not None:
        flash("Your email address was confirmed already.", "info")
    elif send_confirmation(current_user):
        flash(f"We sent a new link to {current_user.email}.", "success")
    else:
        flash(COULD_NOT_SEND, "error")
    return redirect(url_for("accounts.account"), code=303)
