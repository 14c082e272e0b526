"""The OpenAPI 3.1 description of /api/v1, built from the same limits the code enforces."""

from app.database.models import MAX_INTEGER
from app.guestbook.models import MAX_ENTRY_ID, MESSAGE_MAX_LENGTH, NAME_MAX_LENGTH
from app.guestbook.pagination import MAX_LIMIT

# After trimming, some character must remain; NUL can't be stored by PostgreSQL. (\S alone
# would let a lone NUL be that character: NUL is not whitespace.)
TEXT_PATTERN = r"^[^\u0000]*[^\s\u0000][^\u0000]*$"


def text_field(max_length: int) -> dict:
    """A string the entry form accepts."""
    return {"type": "string", "minLength": 1, "maxLength": max_length, "pattern": TEXT_PATTERN}


def error_response(description: str, **extra) -> dict:
    """A response in the API's one error shape."""
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
        **extra,
    }


def page_parameter(name: str, description: str) -> dict:
    """A query parameter that names the id a page starts from."""
    schema = {"type": "integer", "minimum": 1, "maximum": MAX_INTEGER}
    return {"name": name, "in": "query", "description": description, "schema": schema}


def json_response(description: str, schema_name: str, **extra) -> dict:
    """A 2xx response whose body is the named schema."""
    schema = {"$ref": f"#/components/schemas/{schema_name}"}
    return {
        "description": description,
        "content": {"application/json": {"schema": schema}},
        **extra,
    }


ENTRY_ID = {
    "name": "entry_id",
    "in": "path",
    "required": True,
    "schema": {"type": "integer", "minimum": 1, "maximum": MAX_ENTRY_ID},
}
# Every operation can meet these: an unknown method, an oversized body, a bug.
COMMON_ERRORS = {
    "405": error_response("The method is not allowed here"),
    "413": error_response("The body is larger than the limit"),
    "500": error_response("Something failed on the server"),
}
# Writes, and requests with a wrong token, count against limits per client address when the
# limits layer is installed.
RATE_LIMITED = error_response(
    "Too many requests; see Retry-After",
    headers={
        "Retry-After": {
            "description": "Seconds to wait before trying again",
            "required": True,
            "schema": {"type": "integer", "minimum": 0},
        }
    },
)
# Every write needs a token.
TOKEN_ERRORS = {
    **COMMON_ERRORS,
    "401": error_response("No valid bearer token"),
    "429": RATE_LIMITED,
}
WRITE_ERRORS = {
    **TOKEN_ERRORS,
    "400": error_response("The body is not valid JSON"),
    "415": error_response("The body is not JSON"),
    "422": error_response("The JSON does not describe a valid entry; see `fields`"),
}
# Only the account that wrote an entry may change it: the API's rule and the HTML pages'.
OWNER_ERRORS = {
    "403": error_response("The entry belongs to another account"),
    "404": error_response("No entry has this id"),
}


ENTRY_PROPERTIES = {
    "name": text_field(NAME_MAX_LENGTH),
    "message": text_field(MESSAGE_MAX_LENGTH),
}


def json_body(schema_name: str) -> dict:
    """A required JSON request body of the named schema."""
    schema = {"$ref": f"#/components/schemas/{schema_name}"}
    return {"required": True, "content": {"application/json": {"schema": schema}}}


OPENAPI_DOCUMENT = {
    "openapi": "3.1.0",
    "info": {
        "title": "guestbook API",  # the view puts the site's name (SITE_NAME) in front
        "version": "1.0.0",
        "description": "Reads are public. Writes need `Authorization: Bearer <token>`, and "
        "act for the token's account: it may change only the entries it wrote. Create a "
        "token on the account's API tokens page (/account/tokens/), or with "
        "`flask api-token create --user EMAIL NAME`.",
    },
    "servers": [{"url": "/api/v1"}],
    "paths": {
        "/entries": {
            "get": {
                "summary": "List entries, newest first",
                "operationId": "listEntries",
                "parameters": [
                    {
                        "name": "limit",
                        "in": "query",
                        "schema": {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT},
                    },
                    page_parameter("before", "Entries older than this id: copy it from `next`."),
                    page_parameter(
                        "after", "Entries newer than this id; with `before`, those between."
                    ),
                ],
                "responses": {
                    "200": json_response("One page of entries", "EntryPage"),
                    "400": error_response("A value out of range"),
                    **COMMON_ERRORS,
                },
            },
            "post": {
                "summary": "Create an entry",
                "operationId": "createEntry",
                "security": [{"bearer": []}],
                "requestBody": json_body("NewEntry"),
                "responses": {
                    "201": json_response(
                        "The new entry",
                        "Entry",
                        headers={
                            "Location": {
                                "description": "The new entry's address",
                                "schema": {"type": "string"},
                            }
                        },
                    ),
                    **WRITE_ERRORS,
                },
            },
        },
        "/entries/{entry_id}": {
            "parameters": [ENTRY_ID],
            "get": {
                "summary": "Read an entry",
                "operationId": "getEntry",
                "responses": {
                    "200": json_response("The entry", "Entry"),
                    "404": error_response("No entry has this id"),
                    **COMMON_ERRORS,
                },
            },
            "patch": {
                "summary": "Change some fields of an entry",
                "operationId": "updateEntry",
                "security": [{"bearer": []}],
                "requestBody": json_body("EntryChanges"),
                "responses": {
                    "200": json_response("The changed entry", "Entry"),
                    **OWNER_ERRORS,
                    **WRITE_ERRORS,
                },
            },
            "delete": {
                "summary": "Delete an entry",
                "operationId": "deleteEntry",
                "security": [{"bearer": []}],
                "responses": {
                    "204": {"description": "Deleted"},
                    **OWNER_ERRORS,
                    **TOKEN_ERRORS,
                },
            },
        },
    },
    "components": {
        "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        "schemas": {
            "Entry": {
                "type": "object",
                "properties": {
                    "id": {"type": "integer"},
                    "name": {"type": "string"},
                    "message": {"type": "string"},
                    "created_at": {"type": "string", "format": "date-time"},
                },
                "required": ["id", "name", "message", "created_at"],
                "additionalProperties": False,
            },
            "NewEntry": {
                "type": "object",
                "properties": ENTRY_PROPERTIES,
                "required": ["name", "message"],
                "additionalProperties": False,
            },
            "EntryChanges": {
                "type": "object",
                "properties": ENTRY_PROPERTIES,
                "additionalProperties": False,
            },
            "EntryPage": {
                "type": "object",
                "properties": {
                    "entries": {"type": "array", "items": {"$ref": "#/components/schemas/Entry"}},
                    "next": {
                        "type": ["string", "null"],
                        "description": "The next page's address; null on the last page.",
                    },
                },
                "required": ["entries", "next"],
                "additionalProperties": False,
            },
            "Error": {
                "type": "object",
                "properties": {
                    "error": {
                        "type": "object",
                        "properties": {
                            "status": {"type": "integer"},
                            "message": {"type": "string"},
                            "fields": {
                                "type": "object",
                                "description": "Messages for each field that is not valid.",
                                "additionalProperties": {
                                    "type": "array",
                                    "items": {"type": "string"},
                                },
                            },
                        },
                        "required": ["status", "message", "fields"],
                        "additionalProperties": False,
                    }
                },
                "required": ["error"],
                "additionalProperties": False,
            },
        },
    },
}
