"""Marked lines and blocks: exactly what a layer marks goes, nothing else, no doubled gaps."""

import pytest

from app.layers.markers import MarkerError, marked_layers, strip_layers

PYTHON = """import os
from app.extra import bp  # layer: extra


# layer: extra
def api_only():
    return bp
# end layer: extra


def shared():
    return os.sep
"""


def test_a_marked_line_and_a_block_go_with_their_layer():
    assert strip_layers(PYTHON, {"extra"}) == "import os\n\n\ndef shared():\n    return os.sep\n"


def test_a_block_that_ends_a_file_leaves_no_blank_lines_at_its_end():
    text = "import os\n\n\n# layer: extra\ndef extra():\n    pass\n# end layer: extra\n\n"
    assert strip_layers(text, {"extra"}) == "import os\n"
    assert strip_layers("import os  # layer: extra\n", {"extra"}) == ""


def test_other_layers_lines_stay_untouched():
    assert strip_layers(PYTHON, {"other"}) == PYTHON


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<li>a</li>\n<li>b</li> {# layer: other #}\n", "<li>a</li>\n"),
        ("{# layer: other #}\n<li>b</li>\n{# end layer: other #}\n<li>c</li>\n", "<li>c</li>\n"),
        ("| a |\n| b | <!-- layer: other -->\n", "| a |\n"),
        (
            "one\n\n<!-- layer: other -->\ntwo\n<!-- end layer: other -->\n\nthree\n",
            "one\n\nthree\n",
        ),
        ("flask\nflask-wtf  # other  # layer: other\n", "flask\n"),
    ],
)
def test_templates_markdown_and_requirements_use_their_own_comments(text, expected):
    assert strip_layers(text, {"other"}) == expected


def test_a_prose_mention_of_a_marker_is_not_a_marker():
    text = "Mark each line with `# layer: other` at its end, as shown.\n"
    assert strip_layers(text, {"other"}) == text
    assert marked_layers(text) == set()


def test_marked_layers_names_every_layer_with_a_mark():
    assert marked_layers(PYTHON + "x  # layer: other\n") == {"extra", "other"}


def test_a_block_never_closed_is_an_error():
    with pytest.raises(MarkerError, match="never closed"):
        strip_layers("# layer: extra\nx = 1\n", {"extra"})


def test_an_end_without_a_start_is_an_error():
    with pytest.raises(MarkerError, match="line 2: `end layer: extra` without its start"):
        strip_layers("x = 1\n# end layer: extra\n", {"extra"})
