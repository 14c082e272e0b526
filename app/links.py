"""`url_for` in templates, with a memory: each distinct link is built once, not on every page."""

from functools import lru_cache

from flask import Flask, has_request_context, request

# Enough for the layout's links and several pages of entries; old links drop out first.
MAX_REMEMBERED_LINKS = 4096
# url_for's own options: a link that uses one is built by Flask every time.
FLASK_OPTIONS = frozenset(("_anchor", "_method", "_scheme", "_external"))


def init_link_cache(app: Flask) -> None:
    """Make templates' `url_for` remember the links it builds.

    Werkzeug builds a link in about 7 µs, and a page asks for the same links on every
    request: the layout's, and the entries' on a busy page. A link depends only on the
    endpoint, its values and where the app is mounted (the request's root path), so those
    are the key. Calls that need more go straight to Flask: `_external`, `_anchor` and the
    other underscore options, values that cannot be a key, apps with `url_defaults`, and
    templates rendered outside a request (an email sent from a command, say).
    Python code keeps Flask's own `url_for`; the routes are fixed once serving starts
    (Flask refuses new ones), so a remembered link stays right. The kit matches no
    subdomains or hosts; an app that adds host matching should add `request.host` to the key.
    """
    build = app.url_for

    @lru_cache(maxsize=MAX_REMEMBERED_LINKS)
    def remembered(root_path: str, blueprint: str | None, endpoint: str, values: tuple) -> str:
        """The link, built by Flask the first time this key is seen."""
        return build(endpoint, **dict(values))

    def url_for(endpoint: str, **values) -> str:
        """Flask's url_for, answered from memory when the link has been built before."""
        plain = has_request_context() and FLASK_OPTIONS.isdisjoint(values)
        if app.url_default_functions or not plain:
            return build(endpoint, **values)
        # ".name" means "in the current blueprint", so only then is the blueprint in the key.
        blueprint = request.blueprint if endpoint[0] == "." else None
        try:
            return remembered(request.root_path, blueprint, endpoint, (*values.items(),))
        except TypeError:  # a value such as a list: nothing to remember it by
            return build(endpoint, **values)

    app.jinja_env.globals["url_for"] = url_for
