"""Each layer is a package with `init_app`, and the app works with any layer left out.

Leaving a layer out of the list also leaves out the layers that need it, as taking it out
of the project would (.ci/remove_layer.py); the core's pages must not notice.
"""

import sys
from importlib import import_module
from types import ModuleType

import pytest
from flask import Flask

from app import LAYERS, LayerOrderError, create_app
from tests import fixtures


def without(name: str) -> tuple[str, ...]:
    """LAYERS without `name` and every layer that needs it, directly or not."""
    removed = {name}
    for layer in LAYERS:
        if removed & set(import_module(f"app.{layer}").NEEDS):
            removed.add(layer)
    return tuple(layer for layer in LAYERS if layer not in removed)


def build(layers: tuple[str, ...]) -> Flask:
    """An app of `layers`, on an in-memory database if it has one."""
    config = fixtures.TestingConfig({})
    config.SQLALCHEMY_DATABASE_URI = "sqlite://"
    return create_app(config, layers=layers)


def test_each_layer_is_a_package_that_comes_after_what_it_needs():
    """Every layer has `init_app` and `NEEDS`, and each need is installed before it."""
    for position, name in enumerate(LAYERS):
        layer = import_module(f"app.{name}")
        assert callable(layer.init_app)
        assert set(layer.NEEDS) <= set(LAYERS[:position])


@pytest.mark.parametrize("name", LAYERS)
def test_the_site_works_without_each_layer(name):
    """Without the layer, the core's pages answer, and nothing of the layer shows."""
    layers = without(name)
    app = build(layers)
    client = app.test_client()
    home = client.get("/")
    assert home.status_code == 200
    assert client.get("/hello/World").status_code == 200
    assert client.get("/healthz").status_code == 200
    assert client.get("/no-such-page").status_code == 404
    gone = set(LAYERS) - set(layers)
    assert not gone & set(app.blueprints)
    page = home.get_data(as_text=True)
    for rule in app.url_map.iter_rules():
        assert rule.endpoint.partition(".")[0] not in gone
    for layer in gone:
        assert f'id="{layer}"' not in page  # no home-page card of a layer that is out


def test_the_whole_kit_shows_every_layer_s_link_and_card(app, client):
    """With every layer, the navigation and the home page show what the layers registered."""
    page = client.get("/").get_data(as_text=True)
    layout = app.extensions["layout"]
    assert len(layout.home_cards) == page.count('class="card"') - 2  # and Hello, Health
    for link in layout.nav_links:
        assert f">{link.label}</a>" in page


def test_a_layer_installed_before_what_it_needs_stops_the_factory(monkeypatch):
    """The factory names the layer and what it needs, instead of failing later."""
    needy = ModuleType("app.needy")
    needy.NEEDS = ("elsewhere",)
    monkeypatch.setitem(sys.modules, "app.needy", needy)
    with pytest.raises(LayerOrderError, match="The needy layer needs elsewhere installed first"):
        build(("needy", "elsewhere"))
