"""The mail layer (Flask-Mail): confirm an account's email address, and reset a forgotten
password, with links sent by email.

A sign-up sends the confirmation link (the accounts layer's `account_created` signal); the
account page says whether the address is confirmed, and sends the link again; the sign-in
page links to "Forgot your password?". Without MAIL_SERVER each email goes to the log.
"""

import os
import socket

from flask import Flask

from app.accounts import account_created, add_account_section, add_sign_in_link
from app.mail.confirmed_writes import refuse_unconfirmed_writes
from app.mail.emails import confirm_new_account
from app.mail.routes import bp
from app.mail.sending import mail
from app.mail.settings import mail_settings

NEEDS = ("accounts",)


def init_app(app: Flask) -> None:
    """Send the layer's emails, add its pages to the accounts layer's, and keep unconfirmed
    accounts from writing where MAIL_REQUIRE_CONFIRMED is on.
    """
    for name, value in mail_settings(os.environ, app.config["APP_ENV"]).items():
        app.config.setdefault(name, value)
    mail.init_app(app)
    if app.config["MAIL_SERVER"]:
        # Flask-Mail 0.10 opens its SMTP connection with no timeout (pallets-eco/flask-mail
        # issue 114), so smtplib would wait for ever on a server that hangs. It waits as long
        # as Python's default socket timeout, which this sets for the process; gunicorn,
        # Redis and PostgreSQL connections set their own.
        socket.setdefaulttimeout(app.config["MAIL_TIMEOUT"])
    app.register_blueprint(bp, url_prefix="/account")
    app.before_request(refuse_unconfirmed_writes)
    account_created.connect(confirm_new_account, app)
    add_account_section(app, "mail/_account_section.html")
    add_sign_in_link(app, "Forgot your password?", "mail.forgot_password")
