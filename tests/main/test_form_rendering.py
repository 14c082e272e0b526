"""Form HTML: the kit's attribute writer gives exactly the text WTForms' own would."""

import re

import pytest
from flask_wtf import FlaskForm
from markupsafe import Markup
from wtforms import StringField, TextAreaField, widgets
from wtforms.validators import DataRequired, Length
from wtforms.widgets import core

from app.form_rendering import html_params, wtforms_html_params

# Each render makes a new CSRF token; the comparison is about everything around it.
CSRF_VALUE = re.compile(r'(name="csrf_token" type="hidden" value=)"[^"]*"')

ATTRIBUTE_SETS = [
    {"id": "name", "name": "name", "type": "text", "value": "", "maxlength": 50},
    {"required": True, "disabled": False, "checked": True},
    {"class_": "wide", "for_": "name", "data_user_name": "x", "aria_described_by": "e"},
    {"value": "<script>\"'&</script>"},
    {"value": Markup('<a href="#">link</a>')},
    {"title": "Zoë 😀", "tabindex": 0, "step": 0.5},
    {},
]


@pytest.mark.parametrize("attributes", ATTRIBUTE_SETS)
def test_attributes_are_written_character_for_character_as_wtforms_writes_them(attributes):
    """Same order, escaping, boolean attributes and key spelling; Markup as the result."""
    written = html_params(**attributes)
    assert written == wtforms_html_params(**attributes)
    assert isinstance(written, Markup)


class SampleForm(FlaskForm):
    """Every kind of field the kit renders."""

    name = StringField("Name", validators=[DataRequired(), Length(max=80)])
    message = TextAreaField("Message", validators=[Length(max=500)])


def render_form(app) -> str:
    """The hidden CSRF input, then each field with its label, after a failed validation."""
    with app.test_request_context(method="POST", data={"message": 'Say "hi" <b>'}):
        form = SampleForm()
        form.validate()
        fields = "".join(f"{field.label}{field(aria_invalid='true')}" for field in form)
        return CSRF_VALUE.sub(r'\1"-"', f"{form.hidden_tag()}{fields}")


def test_whole_forms_render_the_same_html_as_with_wtforms_own(make_app, monkeypatch):
    """Put WTForms' function back everywhere it is read, render, and compare."""
    app = make_app(WTF_CSRF_ENABLED=True)
    ours = render_form(app)
    monkeypatch.setattr(core, "html_params", wtforms_html_params)
    monkeypatch.setattr(widgets, "html_params", wtforms_html_params)
    monkeypatch.setattr(core.Input, "html_params", staticmethod(wtforms_html_params))
    assert render_form(app) == ours
    assert '<input id="csrf_token" name="csrf_token" type="hidden" value="-">' in ours
    assert '<textarea aria-invalid="true" id="message" maxlength="500"' in ours


def test_the_app_renders_with_the_fast_writer(app):
    """After create_app, inputs, text areas and labels all use the kit's function."""
    assert core.TextInput.html_params is html_params
    assert core.html_params is html_params
    assert widgets.html_params is html_params
