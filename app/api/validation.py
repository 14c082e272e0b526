"""Turning a JSON body into validated entry fields, with the HTML pages' own form class."""

import json

from flask import request
from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import BadRequest, UnprocessableEntity, UnsupportedMediaType

from app.guestbook.forms import EntryForm

ENTRY_FIELDS = ("name", "message")


class InvalidFields(UnprocessableEntity):
    """422 with a list of messages per field, which the JSON error body carries."""

    def __init__(self, fields: dict[str, list[str]]):
        """Keep the messages for the error body."""
        super().__init__("Some fields are not valid; see `fields`.")
        self.fields = fields


def json_object() -> dict:
    """The request body as a JSON object, or the 4xx error that says why it is not one."""
    if not request.is_json:
        raise UnsupportedMediaType("Send the body as JSON, with Content-Type: application/json.")
    try:
        payload = json.loads(request.get_data())
    except ValueError:  # includes bodies that are not UTF-8
        raise BadRequest("The body is not valid JSON.") from None
    except RecursionError:  # thousands of nested brackets: no entry looks like that
        raise BadRequest("The body is nested too deeply.") from None
    if not isinstance(payload, dict):
        raise InvalidFields({"body": ["Must be a JSON object."]})
    return payload


def validated_entry(payload: dict, current: dict[str, str] | None = None) -> dict[str, str]:
    """Entry fields from `payload` over `current`, checked by EntryForm; InvalidFields if not."""
    errors = {name: ["Unknown field."] for name in payload if name not in ENTRY_FIELDS}
    errors |= {
        name: ["Must be a string."]
        for name, value in payload.items()
        if name in ENTRY_FIELDS and not isinstance(value, str)
    }
    if errors:
        raise InvalidFields(errors)
    # The API authenticates by token, not cookie, so the form's CSRF check does not apply.
    form = EntryForm(formdata=MultiDict({**(current or {}), **payload}), meta={"csrf": False})
    if not form.validate():
        raise InvalidFields(form.errors)
    return {name: form[name].data for name in ENTRY_FIELDS}
