"""The list of layers, read from `[tool.starter-kit]` in pyproject.toml."""

import tomllib
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Layer:
    """A layer: what it is called, which layers it needs, and the paths that are its own."""

    name: str
    title: str
    needs: tuple[str, ...]
    paths: tuple[str, ...]

    def is_installed(self, root: Path) -> bool:
        """True while any of the layer's own files or folders is still in `root`."""
        return any((root / path).exists() for path in self.paths)


class UnknownLayer(ValueError):
    """A layer name that the list does not hold."""


def read_layers(root: Path) -> dict[str, Layer]:
    """The layers listed in `root`/pyproject.toml, by name, in the order listed."""
    settings = tomllib.loads((root / "pyproject.toml").read_text())["tool"]["starter-kit"]
    return {
        entry["name"]: Layer(
            entry["name"], entry["title"], tuple(entry["needs"]), tuple(entry["paths"])
        )
        for entry in settings["layers"]
    }


def with_dependents(names: list[str], layers: dict[str, Layer]) -> list[str]:
    """`names` and every layer that needs one of them, directly or not, in list order."""
    unknown = sorted(set(names) - set(layers))
    if unknown:
        raise UnknownLayer(f"No layer called {', '.join(unknown)}; known: {', '.join(layers)}")
    removed = set(names)
    while extra := {n for n, layer in layers.items() if removed & set(layer.needs)} - removed:
        removed |= extra
    return [name for name in layers if name in removed]
