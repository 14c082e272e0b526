"""Links in templates: remembered once built, and always the link Flask would build."""

from contextvars import Context

import pytest
from flask import Blueprint, Flask, render_template_string

from app.links import init_link_cache


@pytest.fixture
def link_app():
    """A small app whose url_for counts the links Flask really builds."""
    app = Flask(__name__)
    app.add_url_rule("/entries/<int:entry_id>", "entry", lambda entry_id: "")
    app.add_url_rule("/search", "search", lambda: "")
    for name in ("one", "two"):
        blueprint = Blueprint(name, __name__)
        blueprint.add_url_rule("/home", "home", lambda: "")
        app.register_blueprint(blueprint, url_prefix=f"/{name}")
    flask_url_for = app.url_for
    app.built = []

    def counting_url_for(endpoint, **values):
        """Flask's url_for, noting each call."""
        app.built.append(endpoint)
        return flask_url_for(endpoint, **values)

    app.url_for = counting_url_for
    init_link_cache(app)
    return app


def render(app: Flask, source: str, path: str = "/", root: str = "") -> str:
    """`source` rendered in a request for `path`, with the app mounted at `root`."""
    with app.test_request_context(path, base_url=f"http://localhost{root}"):
        return render_template_string(source)


def test_a_link_is_built_once_then_remembered(link_app):
    """Three pages, one build: the layout's links cost nothing after the first page."""
    pages = [render(link_app, "{{ url_for('entry', entry_id=7) }}") for _ in range(3)]
    assert pages == ["/entries/7"] * 3
    assert link_app.built == ["entry"]


def test_different_values_are_different_links(link_app):
    """Each set of values is its own link."""
    assert render(link_app, "{{ url_for('entry', entry_id=7) }}") == "/entries/7"
    assert render(link_app, "{{ url_for('entry', entry_id=8) }}") == "/entries/8"


def test_the_mount_point_is_part_of_the_link(link_app):
    """The same link under another SCRIPT_NAME (a proxy's prefix) is built again for it."""
    assert render(link_app, "{{ url_for('search') }}") == "/search"
    assert render(link_app, "{{ url_for('search') }}", root="/app") == "/app/search"


def test_a_relative_endpoint_follows_the_current_blueprint(link_app):
    """A relative ".home" is a different link in each blueprint's pages."""
    assert render(link_app, "{{ url_for('.home') }}", "/one/home") == "/one/home"
    assert render(link_app, "{{ url_for('.home') }}", "/two/home") == "/two/home"


@pytest.mark.parametrize(
    ("source", "link"),
    [
        ("{{ url_for('search', _external=True) }}", "http://localhost/search"),
        ("{{ url_for('search', _anchor='top') }}", "/search#top"),
        ("{{ url_for('search', tag=['a', 'b']) }}", "/search?tag=a&amp;tag=b"),
    ],
)
def test_options_and_unhashable_values_go_straight_to_flask(link_app, source, link):
    """Nothing is remembered for a call that is not a plain link, so each is built every time."""
    assert [render(link_app, source) for _ in range(2)] == [link, link]
    assert link_app.built == ["search", "search"]


def test_url_defaults_are_honoured(link_app):
    """An app with url_defaults gets Flask's own url_for, which applies them."""

    @link_app.url_defaults
    def add_language(_endpoint, values):
        """Every link carries the language."""
        values.setdefault("lang", "en")

    assert render(link_app, "{{ url_for('search') }}") == "/search?lang=en"


def test_templates_outside_a_request_get_flask_s_links():
    """With no request (a command rendering an email), Flask builds from SERVER_NAME."""
    app = Flask(__name__)
    app.config["SERVER_NAME"] = "example.com"
    app.add_url_rule("/search", "search", lambda: "")
    init_link_cache(app)

    def render_in_app_context() -> str:
        """What a command sees: the app's context, and no request."""
        with app.app_context():
            return render_template_string("{{ url_for('search') }}")

    # A fresh context: the test runner's own request context is not visible there.
    assert Context().run(render_in_app_context) == "http://example.com/search"
