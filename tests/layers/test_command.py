"""`flask layers`: list the layers, and take some out of a project, with everything they own."""

from contextvars import Context

import pytest

import app.layers
from app.layers import add_removal_step

PYPROJECT = """
[[tool.starter-kit.layers]]
name = "extra"
title = "Extra"
needs = []
paths = ["extra.py", "extra_dir"]

[[tool.starter-kit.layers]]
name = "other"
title = "Other"
needs = ["extra"]
paths = ["other.py", "extra_dir/other_module.py"]
"""
LOCK = """extra-pkg==1.0
    # via -r requirements.in
flask==3.1.3
    # via -r requirements.in
helper-pkg==2.0
    # via extra-pkg
"""
DEV_LOCK = """extra-pkg==1.0
    # via
    #   -c requirements.txt
    #   -r requirements.in
helper-pkg==2.0
    # via
    #   -c requirements.txt
    #   extra-pkg
pytest==9.2.0
    # via -r requirements-dev.in
"""
FILES = {
    "pyproject.toml": PYPROJECT,
    "main.py": "import os\nimport extra  # layer: extra\nimport other  # layer: other\n",
    "extra.py": "",
    # A marked line in a file that goes anyway: the removal must not try to edit it.
    "extra_dir/module.py": "import other  # layer: other\n",
    "extra_dir/other_module.py": "",
    "other.py": "",
    "requirements.in": "flask\nextra-pkg  # layer: extra\n",
    "requirements.txt": LOCK,
    "requirements-dev.in": "-c requirements.txt\n-r requirements.in\npytest\n",
    "requirements-dev.txt": DEV_LOCK,
    ".venv/lib/installed.py": "import extra  # layer: extra\n",
}


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A small project with two layers, which the command works on instead of the kit."""
    for name, text in FILES.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\xff\xfe")
    monkeypatch.setattr(app.layers, "PROJECT_ROOT", tmp_path)
    return tmp_path


def run_cli(cli_app, *args, **kwargs):
    """Run `flask ARGS` as a terminal would: in a fresh context, with no app pushed yet.

    (pytest-flask keeps the suite's app pushed in each test's own context.)
    """
    return Context().run(cli_app.test_cli_runner().invoke, args=args, **kwargs)


@pytest.fixture
def flask_cli(make_app):
    """Run a `flask` command against a fresh app; returns click's result."""
    cli_app = make_app()
    return lambda *args, **kwargs: run_cli(cli_app, *args, **kwargs)


def test_layers_lists_each_layer_with_what_it_needs_and_whether_it_is_installed(project, flask_cli):
    (project / "other.py").unlink()
    (project / "extra_dir" / "other_module.py").unlink()
    lines = flask_cli("layers").output.splitlines()
    assert lines[0].split()[:4] == ["extra", "installed", "needs:", "-"]
    assert lines[1].split()[:4] == ["other", "taken", "out", "needs:"]
    assert flask_cli("layers", "list").output.splitlines() == lines


def test_remove_shows_what_goes_and_changes_nothing_unless_told_to(project, flask_cli):
    result = flask_cli("layers", "remove", "extra", input="n\n")
    assert result.exit_code == 1
    assert "Taking out: Extra, Other" in result.output
    assert "  extra_dir\n" in result.output
    assert "other_module.py" not in result.output  # it goes with the folder that holds it
    assert "module.py" not in result.output  # deleted with its folder, so not edited
    assert "  main.py\n" in result.output
    assert "Drops from the lock files: extra-pkg, helper-pkg" in result.output
    assert (project / "extra.py").exists()
    assert (project / "main.py").read_text() == FILES["main.py"]


def test_remove_takes_out_the_layer_and_every_layer_that_needs_it(project, flask_cli):
    result = flask_cli("layers", "remove", "extra", "--yes")
    assert result.exit_code == 0, result.output
    for name in ("extra.py", "extra_dir", "other.py"):
        assert not (project / name).exists()
    assert (project / "main.py").read_text() == "import os\n"
    assert (project / "requirements.in").read_text() == "flask\n"
    assert (
        project / "requirements.txt"
    ).read_text() == "flask==3.1.3\n    # via -r requirements.in\n"
    assert (project / "requirements-dev.txt").read_text() == (
        "pytest==9.2.0\n    # via -r requirements-dev.in\n"
    )
    # Installed packages and binary files are never a layer's.
    assert (project / ".venv/lib/installed.py").read_text() == FILES[".venv/lib/installed.py"]
    assert (project / "logo.png").read_bytes() == b"\x89PNG\xff\xfe"


def test_a_project_without_lock_files_loses_only_its_files(project, flask_cli):
    for name in ("requirements.txt", "requirements-dev.txt"):
        (project / name).unlink()
    assert flask_cli("layers", "remove", "other", "--yes").exit_code == 0
    assert (project / "main.py").read_text() == "import os\nimport extra  # layer: extra\n"


def test_an_unknown_layer_is_refused_by_name(project, flask_cli):
    result = flask_cli("layers", "remove", "nope", "--yes")
    assert result.exit_code == 2
    assert "No layer called nope; known: extra, other" in result.output


def test_a_broken_marker_stops_the_removal_before_anything_changes(project, flask_cli):
    (project / "broken.py").write_text("# layer: extra\nx = 1\n")
    result = flask_cli("layers", "remove", "extra", "--yes")
    assert result.exit_code == 1
    assert "broken.py: `layer: extra` is never closed" in result.output
    assert (project / "extra.py").exists()


def test_removal_steps_describe_first_and_act_only_when_confirmed(project, make_app):
    calls = []
    step_app = make_app()
    add_removal_step(step_app, lambda paths, apply: calls.append(apply) or ["A step's note"])
    assert "A step's note" in run_cli(step_app, "layers", "remove", "other", input="n\n").output
    assert calls == [False]
    run_cli(step_app, "layers", "remove", "other", "--yes")
    assert calls == [False, False, True]
