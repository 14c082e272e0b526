"""The api layer, JSON over the guestbook at /api/v1, validated by the same form as the HTML
pages, with bearer tokens that belong to accounts (managed on /account/tokens/ or with
`flask api-token`).
"""

from flask import Flask

from app.accounts import add_account_link, password_changed
from app.api import tokens_page
from app.api.cli import api_token
from app.api.routes import bp
from app.api.tokens import revoke_every_token
from app.errors import answer_errors_in_json
from app.layout import add_home_card

NEEDS = ("guestbook",)
URL_PREFIX = "/api/v1"


def init_app(app: Flask) -> None:
    """Add the API and its tokens page; answer the API's errors in JSON; revoke an account's
    tokens when its password changes.
    """
    app.register_blueprint(bp, url_prefix=URL_PREFIX)
    app.register_blueprint(tokens_page.bp, url_prefix="/account/tokens")
    # Writes authenticate with a bearer token, which a browser never sends on its own, so
    # the forms layer's cookie-based CSRF check has nothing to protect here.
    app.extensions["csrf"].exempt(bp)
    answer_errors_in_json(app, "/api/")
    app.cli.add_command(api_token)
    password_changed.connect(revoke_every_token, app)
    add_account_link(app, "Your API tokens", "api_tokens.list_tokens")
    add_home_card(app, "api/_card.html")
