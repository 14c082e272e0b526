"""Bearer-token authentication for the API's writing endpoints."""

import functools

from flask import g, request
from werkzeug.datastructures import WWWAuthenticate
from werkzeug.exceptions import Unauthorized

from app.api.models import ApiToken


def require_token(view):
    """Run `view` only for a request that carries an active token; 401 otherwise.

    The view finds the token, and so the account it acts for, in `g.api_token`. Only the
    Authorization header counts: the API never looks at the session cookie, so a page on
    another site cannot make a visitor's browser write through it.
    """

    @functools.wraps(view)
    def guarded(*args, **kwargs):
        """Check the bearer token, then call the view."""
        credentials = request.authorization
        token = None
        if credentials is not None and credentials.type == "bearer" and credentials.token:
            token = ApiToken.find_active(credentials.token)
        if token is None:
            raise Unauthorized(
                "A valid API token is required: send Authorization: Bearer <token>.",
                www_authenticate=WWWAuthenticate("bearer"),
            )
        g.api_token = token
        return view(*args, **kwargs)

    return guarded
