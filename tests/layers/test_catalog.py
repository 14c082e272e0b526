"""The layer list in pyproject.toml: what each layer needs, and what it owns."""

from pathlib import Path

import pytest

from app.layers.catalog import UnknownLayer, read_layers, with_dependents

ROOT = Path(__file__).resolve().parents[2]


def test_every_layer_needs_only_layers_listed_before_it():
    layers = read_layers(ROOT)
    seen = set()
    for layer in layers.values():
        assert set(layer.needs) <= seen, f"{layer.name} needs a layer listed after it"
        seen.add(layer.name)


def test_every_installed_layers_paths_exist():
    layers = read_layers(ROOT).values()
    # A path that two layers list (the limits' tests of the accounts' pages) went with
    # whichever of them was taken out first.
    gone = [ROOT / p for layer in layers if not layer.is_installed(ROOT) for p in layer.paths]
    for layer in layers:
        if layer.is_installed(ROOT):
            missing = [
                path
                for path in layer.paths
                if not (ROOT / path).exists()
                and not any(q == ROOT / path or q in (ROOT / path).parents for q in gone)
            ]
            assert not missing, f"{layer.name} lists paths that do not exist: {missing}"


def test_taking_a_layer_out_takes_what_needs_it():
    layers = read_layers(ROOT)
    assert with_dependents(["forms"], layers) == ["forms", *with_dependents(["accounts"], layers)]
    assert with_dependents(["accounts"], layers) == [
        "accounts",
        *with_dependents(["guestbook"], layers),
    ]


def test_an_unknown_layer_is_named_in_the_error():
    with pytest.raises(UnknownLayer, match="No layer called nope; known: "):
        with_dependents(["nope"], read_layers(ROOT))
