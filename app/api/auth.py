"""Bearer-token authentication for the API's writing endpoints."""

import functools

from flask import request
from werkzeug.datastructures import WWWAuthenticate
from werkzeug.exceptions import Unauthorized

from app.api.models import ApiToken


def require_token(view):
    """Run `view` only for a request that carries an active token; 401 otherwise.

    The view gets the account the token acts for as its `user_id` argument. Only the
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
        return view(*args, user_id=token.user_id, **kwargs)

    return guarded
