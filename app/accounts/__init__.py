"""The accounts layer (Flask-Login): sign up, sign in and out, and a page to manage the account.

Other layers add to its pages from their `init_app`: links and sections on the account page
(`add_account_link`, `add_account_section`), links under the sign-in form (`add_sign_in_link`),
and what to do after a sign-up or a new password (`account_created`, `password_changed`:
blinker signals). A view that hashes a password calls `release_connection()` first.
"""

from datetime import timedelta

from flask import Flask
from flask_login import LoginManager

from app.accounts.models import User
from app.accounts.routes import bp, release_connection
from app.accounts.sessions import load_user
from app.accounts.signals import account_created, password_changed
from app.layout import add_header_menu

NEEDS = ("forms", "database")

__all__ = [
    "User",
    "account_created",
    "add_account_link",
    "add_account_section",
    "add_sign_in_link",
    "init_app",
    "login_manager",
    "password_changed",
    "release_connection",
]

# Keeps the signed-in user's id in the session; views ask for `current_user`.
login_manager = LoginManager()
login_manager.user_loader(load_user)
# Where @login_required sends a visitor who is not signed in (with ?next= to come back).
login_manager.login_view = "accounts.sign_in"
login_manager.login_message = "Please sign in first."
login_manager.login_message_category = "info"
# Where @fresh_login_required sends a visitor signed in only by the remember-me cookie: a
# stolen cookie must not be enough for what that guards (creating an API token, say).
login_manager.refresh_view = "accounts.sign_in"
login_manager.needs_refresh_message = "To do that, please sign in again with your password."
login_manager.needs_refresh_message_category = "info"


def init_app(app: Flask) -> None:
    """Sign users in and out, and show their menu in the header."""
    # "Keep me signed in" sets Flask-Login's remember-me cookie: it lasts two weeks, with the
    # session cookie's flags (Secure in production).
    app.config.setdefault("REMEMBER_COOKIE_DURATION", timedelta(days=14))
    app.config.setdefault("REMEMBER_COOKIE_HTTPONLY", True)
    app.config.setdefault("REMEMBER_COOKIE_SAMESITE", "Lax")
    app.config.setdefault("REMEMBER_COOKIE_SECURE", app.config["SESSION_COOKIE_SECURE"])
    login_manager.init_app(app)
    app.register_blueprint(bp, url_prefix="/account")
    app.extensions["account_links"] = []
    app.extensions["account_sections"] = []
    app.extensions["sign_in_links"] = []
    add_header_menu(app, "accounts/_menu.html")


def add_account_link(app: Flask, label: str, endpoint: str) -> None:
    """Link to `endpoint` from the account page (the API tokens page, say)."""
    app.extensions["account_links"].append((label, endpoint))


def add_account_section(app: Flask, template: str) -> None:
    """Include `template` on the account page, above the password form (a `<section>`)."""
    app.extensions["account_sections"].append(template)


def add_sign_in_link(app: Flask, label: str, endpoint: str) -> None:
    """Link to `endpoint` under the sign-in form ("Forgot your password?", say)."""
    app.extensions["sign_in_links"].append((label, endpoint))
