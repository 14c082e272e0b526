"""The account's API tokens page: list, create (the secret is shown once) and revoke.

A blueprint of its own, apart from the API's: these are HTML forms sent with the session
cookie, so CSRF protection must cover them, and the API's blueprint is exempt from it.
"""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, fresh_login_required, login_required
from flask_wtf import FlaskForm
from wtforms import StringField

from app.api.models import TOKEN_NAME_MAX_LENGTH
from app.api.tokens import TokenError, create_token, revoke_token, tokens_of
from app.forms.fields import strip_whitespace, text_validators

bp = Blueprint("api_tokens", __name__)


class TokenForm(FlaskForm):
    """Name a new token."""

    name = StringField(
        "Token name",
        validators=text_validators("Please name the token.", TOKEN_NAME_MAX_LENGTH),
        filters=[strip_whitespace],
    )


@bp.get("/")
@login_required
def list_tokens():
    """The account's tokens, and the form that creates one."""
    return render_tokens(TokenForm())


@bp.post("/")
@fresh_login_required
def create():
    """Create a token and show its secret, once, on this page (it is never stored).

    Only after a sign-in with the password on this visit, not one the remember-me cookie
    restored: a stolen cookie must not mint tokens (Flask-Login's "fresh" sign-in).
    """
    form = TokenForm()
    if form.validate_on_submit():
        try:
            secret = create_token(current_user, form.name.data)
        except TokenError as error:
            form.name.errors.append(str(error))
        else:
            return render_tokens(TokenForm(formdata=None), secret=secret, name=form.name.data)
    return render_tokens(form, status=400)


@bp.post("/revoke")
@login_required
def revoke():
    """Revoke one of the account's tokens (CSRF protection covers the POST); 404 for a name
    the account has no token by.
    """
    name = request.form.get("name", "")
    try:
        revoke_token(current_user, name)
    except TokenError as error:
        abort(404, str(error))
    flash(f"The token {name!r} is revoked.", "success")
    return redirect(url_for(".list_tokens"), code=303)


def render_tokens(form: TokenForm, status: int = 200, **context):
    """The tokens page, with the create form as the last submission left it."""
    page = render_template(
        "api/tokens.html",
        form=form,
        tokens=tokens_of(current_user),
        **context,
    )
    return page, status
