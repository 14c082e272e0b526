"""Lock files: a package goes when nothing asks for it any more, and only then."""

from pathlib import Path

import pytest

from app.layers.locks import canonical, prune_lock, requirement_names

ROOT = Path(__file__).resolve().parents[2]
LOCK = """#
# header
#
flask==3.1.3
    # via
    #   -r requirements.in
    #   flask-wtf
flask-wtf==1.3.0
    # via -r requirements.in
werkzeug==3.1.9
    # via flask
wtforms==3.3.2
    # via flask-wtf

# The following packages are considered to be unsafe in a requirements file:
# pip
"""


@pytest.mark.parametrize("name", ["requirements.txt", "requirements-dev.txt"])
def test_the_kits_own_lock_files_come_back_unchanged_when_nothing_goes(name):
    text = (ROOT / name).read_text()
    assert prune_lock(text, {}) == (text, set())


def test_a_package_goes_with_what_only_it_needed():
    text, dropped = prune_lock(LOCK, {"-r requirements.in": {"flask-wtf"}})
    assert dropped == {"flask-wtf", "wtforms"}
    assert text == LOCK.replace(
        "flask==3.1.3\n    # via\n    #   -r requirements.in\n    #   flask-wtf\n"
        "flask-wtf==1.3.0\n    # via -r requirements.in\n",
        "flask==3.1.3\n    # via -r requirements.in\n",
    ).replace("wtforms==3.3.2\n    # via flask-wtf\n", "")


def test_a_package_another_source_still_asks_for_stays():
    _, dropped = prune_lock(LOCK, {"-r requirements-dev.in": {"flask-wtf"}})
    assert dropped == set()


def test_requirement_names_skip_comments_options_and_extras():
    lines = ["-r requirements.in", "# a comment", "", "psycopg[binary]  # driver", "Flask_WTF"]
    assert requirement_names(lines) == {"psycopg", "flask-wtf"}


def test_names_compare_as_pip_compares_them():
    assert canonical("Flask_SQLAlchemy") == canonical("flask.sqlalchemy") == "flask-sqlalchemy"
