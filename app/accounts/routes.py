"""Views of the accounts layer (sign up, sign in, sign out) and the account page."""

from flask import (
    Blueprint,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_login import current_user, login_required, login_user, logout_user
from sqlalchemy.exc import IntegrityError

from app.accounts.forms import ChangePasswordForm, DeleteAccountForm, SignInForm, SignUpForm
from app.accounts.models import User, normalise_email, password_matches
from app.accounts.next_page import safe_next_path
from app.accounts.sessions import close_session, open_session
from app.accounts.signals import account_created
from app.database import db
from app.forms.fields import form_status

bp = Blueprint("accounts", __name__)

# The same words for an unknown email and a wrong password, so the form can't be used to
# find out who has an account.
WRONG_CREDENTIALS = "That email and password do not match an account."
EMAIL_TAKEN = "An account with this email exists already. Sign in instead."
WRONG_CURRENT = "That is not your current password."


def release_connection() -> None:
    """Give the request's database connection back to the pool before hashing a password.

    Hashing (or checking) a password takes a long time on purpose; a burst of sign-ins that
    held connections meanwhile would leave none for other pages, which would answer 503.
    Closing the session ends its transaction; what it loaded stays readable (detached), and
    the next query starts a new unit of work.
    """
    db.session.close()


def start_session(user: User, remember: bool = False) -> None:
    """Sign `user` in on a brand-new session, so no one can plant a session id beforehand.

    The sign-in session this visitor had (a remembered one, say) ends on the server; the new
    one ends there when its cookie would: after REMEMBER_COOKIE_DURATION when remembered,
    else after PERMANENT_SESSION_LIFETIME.
    """
    close_session(current_user)
    lifetime = "REMEMBER_COOKIE_DURATION" if remember else "PERMANENT_SESSION_LIFETIME"
    open_session(user, current_app.config[lifetime])
    db.session.commit()
    session.clear()
    login_user(user, remember=remember)


def forget_session() -> None:
    """Sign out and forget the session; logout_user() comes last, because it leaves a note in
    the session that makes Flask-Login delete the remember-me cookie (cleared, the cookie
    would sign the user straight back in on the next request).
    """
    session.clear()
    logout_user()


def after_sign_in():
    """Redirect to the page that asked for the sign-in (if it is on this site), else home."""
    return redirect(safe_next_path(request.args.get("next")) or url_for("main.index"), code=303)


@bp.route("/sign-up", methods=["GET", "POST"])
def sign_up():
    """Create an account and sign in with it."""
    form = SignUpForm()
    if form.validate_on_submit():
        user = User(email=normalise_email(form.email.data))
        release_connection()
        user.set_password(form.password.data)
        db.session.add(user)
        try:
            db.session.commit()
        except IntegrityError:  # the email is taken, perhaps by a sign-up a moment ago
            db.session.rollback()
            form.email.errors.append(EMAIL_TAKEN)
        else:
            start_session(user)
            flash("Welcome! Your account is ready.", "success")
            account_created.send(current_app._get_current_object(), user=user)
            return after_sign_in()
    page = render_template("accounts/sign_up.html", form=form)
    return page, form_status(form)


@bp.route("/sign-in", methods=["GET", "POST"])
def sign_in():
    """Sign in with an email and password."""
    form = SignInForm()
    if form.validate_on_submit():
        user = User.find_by_email(form.email.data)
        release_connection()
        if password_matches(user, form.password.data):
            start_session(user, remember=form.remember.data)
            flash("You are signed in.", "success")
            return after_sign_in()
        form.form_errors.append(WRONG_CREDENTIALS)
    links = current_app.extensions["sign_in_links"]
    page = render_template("accounts/sign_in.html", form=form, sign_in_links=links)
    return page, form_status(form)


@bp.post("/sign-out")
def sign_out():
    """Sign out (by POST, which CSRF protection covers, so no link can sign anyone out): the
    sign-in session ends on the server, so a copy of its cookies signs no one in.
    """
    close_session(current_user)
    db.session.commit()
    forget_session()
    flash("You are signed out.", "success")
    return redirect(url_for("main.index"), code=303)


@bp.get("/")
@login_required
def account():
    """The account page: change the password, or delete the account."""
    return render_account(password_form(), delete_form())


@bp.post("/password")
@login_required
def change_password():
    """Replace the password; every other session of this account is signed out."""
    form = password_form()
    if form.validate_on_submit():
        user = current_user._get_current_object()
        release_connection()
        if user.check_password(form.current_password.data):
            user.set_password(form.new_password.data)  # ends every session, this one too
            db.session.add(user)
            start_session(user)  # so this device gets a new one, in the same commit
            flash("Your password is changed. Other devices are signed out.", "success")
            return redirect(url_for(".account"), code=303)
        form.current_password.errors.append(WRONG_CURRENT)
    return render_account(form, delete_form(formdata=None), status=400)


@bp.post("/delete")
@login_required
def delete_account():
    """Delete the account, with its entries and API tokens, and sign out."""
    form = delete_form()
    if form.validate_on_submit():
        user = current_user._get_current_object()
        release_connection()
        if user.check_password(form.password.data):
            db.session.delete(user)  # its sessions, entries and tokens go with it
            db.session.commit()
            forget_session()
            flash("Your account is deleted.", "success")
            return redirect(url_for("main.index"), code=303)
        form.password.errors.append(WRONG_CURRENT)
    return render_account(password_form(formdata=None), form, status=400)


def password_form(**kwargs) -> ChangePasswordForm:
    """The change-password form; its prefix keeps its field ids apart from the other form's."""
    return ChangePasswordForm(prefix="password", **kwargs)


def delete_form(**kwargs) -> DeleteAccountForm:
    """The delete-account form, prefixed like `password_form`."""
    return DeleteAccountForm(prefix="delete", **kwargs)


def render_account(password_form, delete_form, status: int = 200):
    """The account page with both of its forms, as the last submission left them."""
    page = render_template(
        "accounts/account.html",
        password_form=password_form,
        delete_form=delete_form,
        account_links=current_app.extensions["account_links"],
        account_sections=current_app.extensions["account_sections"],
    )
    return page, status
