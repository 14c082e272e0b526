"""The JSON API over the guestbook: list, read, create, update, delete."""

from flask import Blueprint, current_app, request, url_for
from sqlalchemy import Row

from app.api.auth import require_token
from app.api.openapi import OPENAPI_DOCUMENT
from app.api.validation import ENTRY_FIELDS, json_object, validated_entry
from app.database import db
from app.filters import utc_isoformat
from app.guestbook.models import ENTRY_PAGES, GuestbookEntry, entry_written_by
from app.guestbook.pagination import paginate_request
from app.guestbook.routes import ENTRY_ID_RULE

bp = Blueprint("api", __name__)


def entry_json(entry: GuestbookEntry | Row) -> dict:
    """The public fields of an entry, or of a list's row of the same columns."""
    return {
        "id": entry.id,
        "name": entry.name,
        "message": entry.message,
        "created_at": utc_isoformat(entry.created_at),
    }


@bp.get("/openapi.json")
def openapi():
    """The OpenAPI 3.1 description of this API, titled with the site's name."""
    title = f"{current_app.config['SITE_NAME']} {OPENAPI_DOCUMENT['info']['title']}"
    info = {**OPENAPI_DOCUMENT["info"], "title": title}
    return {**OPENAPI_DOCUMENT, "info": info}


@bp.get("/entries")
def list_entries():
    """Newest entries first; `next` is the address of the following page."""
    page = paginate_request(ENTRY_PAGES, current_app.config["GUESTBOOK_PAGE_SIZE"])
    next_url = None
    if page.older:
        # A page between two ids continues between them: `after` stays (url_for drops None).
        after = request.args.get("after") if request.args.get("before") else None
        next_url = url_for(".list_entries", before=page.older, after=after, limit=page.limit)
    return {"entries": [entry_json(entry) for entry in page.items], "next": next_url}


@bp.get(f"/entries/{ENTRY_ID_RULE}")
def get_entry(entry_id: int):
    """One entry."""
    return entry_json(db.get_or_404(GuestbookEntry, entry_id))


@bp.post("/entries")
@require_token
def create_entry(user_id: int):
    """Create an entry: 201, with its address in Location."""
    entry = GuestbookEntry(**validated_entry(json_object()), author_id=user_id)
    db.session.add(entry)
    db.session.commit()
    location = url_for(".get_entry", entry_id=entry.id)
    return entry_json(entry), 201, {"Location": location}


@bp.patch(f"/entries/{ENTRY_ID_RULE}")
@require_token
def update_entry(entry_id: int, user_id: int):
    """Change some or all of an entry's fields."""
    entry = entry_written_by(user_id, entry_id)
    current = {name: getattr(entry, name) for name in ENTRY_FIELDS}
    for name, value in validated_entry(json_object(), current).items():
        setattr(entry, name, value)
    db.session.commit()
    return entry_json(entry)


@bp.delete(f"/entries/{ENTRY_ID_RULE}")
@require_token
def delete_entry(entry_id: int, user_id: int):
    """Delete an entry: 204, no body."""
    db.session.delete(entry_written_by(user_id, entry_id))
    db.session.commit()
    return "", 204
