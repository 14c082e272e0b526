"""Accounts: sign up, sign in and out with Flask-Login, and a page to manage the account."""

from app.accounts.models import User, load_user
from app.accounts.routes import bp
from app.extensions import login_manager

login_manager.user_loader(load_user)

__all__ = ["User", "bp"]
