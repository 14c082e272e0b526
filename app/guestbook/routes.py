"""Views of the guestbook: list, sign, show, edit, delete."""

from datetime import datetime

from flask import Blueprint, current_app, flash, redirect, render_template, url_for
from sqlalchemy import select

from app.extensions import db
from app.forms import form_status
from app.guestbook.forms import DeleteForm, EntryForm
from app.guestbook.models import MAX_ENTRY_ID, GuestbookEntry
from app.pagination import paginate_request

# cli_group=None puts the blueprint's commands at the top level: `flask seed`.
bp = Blueprint("guestbook", __name__, cli_group=None)
# Built once, at import: paginate() then builds each kind of page's query from it only once.
# Lists read rows of the columns they show, not ORM objects: nothing on a list page is
# changed, and building and tracking twenty objects costs more than running the query.
# The list template and the API unpack each row in this column order, which costs a
# tenth of reading its four columns by name.
ENTRIES = select(
    GuestbookEntry.id, GuestbookEntry.name, GuestbookEntry.message, GuestbookEntry.created_at
)
# Ids the column can hold; larger ones answer 404 rather than a database "out of range" error.
ENTRY_ID_RULE = f"<int(min=1, max={MAX_ENTRY_ID}):entry_id>"


# The list and the entry page format times here, once. As filters they also cost less than
# calling the datetime's methods in the template: Jinja calls a filter directly, but checks
# every call of a method at run time, and the list makes forty of them.
@bp.app_template_filter()
def minutes(moment: datetime) -> str:
    """A time as the guestbook shows it, to the minute: 2026-11-26 06:55."""
    # isoformat costs less than half of strftime; [:16] drops seconds and any UTC offset.
    return moment.isoformat(" ", "minutes")[:16]


@bp.app_template_filter()
def isoformat(moment: datetime) -> str:
    """A time for a <time datetime="..."> attribute, which machines read."""
    return moment.isoformat()


@bp.get("/")
def list_entries():
    """Newest entries first, one keyset page at a time."""
    page = paginate_request(ENTRIES, GuestbookEntry.id, current_app.config["GUESTBOOK_PAGE_SIZE"])
    return render_template("guestbook/list.html", page=page)


@bp.route("/new", methods=["GET", "POST"])
def create_entry():
    """Sign the guestbook; on success, back to the list with the new entry on top."""
    form = EntryForm()
    if form.validate_on_submit():
        db.session.add(GuestbookEntry(name=form.name.data, message=form.message.data))
        db.session.commit()
        flash("Thank you for signing the guestbook!", "success")
        return redirect(url_for("guestbook.list_entries"), code=303)
    return render_entry_form(form, title="Sign the guestbook")


@bp.get(f"/{ENTRY_ID_RULE}")
def show_entry(entry_id: int):
    """One entry, with the buttons to edit or delete it."""
    entry = db.get_or_404(GuestbookEntry, entry_id)
    return render_template("guestbook/detail.html", entry=entry, delete_form=DeleteForm())


@bp.route(f"/{ENTRY_ID_RULE}/edit", methods=["GET", "POST"])
def edit_entry(entry_id: int):
    """Change an entry's name or message."""
    entry = db.get_or_404(GuestbookEntry, entry_id)
    form = EntryForm(obj=entry)
    if form.validate_on_submit():
        entry.name, entry.message = form.name.data, form.message.data
        db.session.commit()
        flash("Your changes are saved.", "success")
        return redirect(url_for("guestbook.show_entry", entry_id=entry.id), code=303)
    return render_entry_form(form, title="Edit entry", entry=entry)


@bp.post(f"/{ENTRY_ID_RULE}/delete")
def delete_entry(entry_id: int):
    """Delete an entry; only ever by POST, which CSRF protection covers."""
    entry = db.get_or_404(GuestbookEntry, entry_id)
    db.session.delete(entry)
    db.session.commit()
    flash("The entry is deleted.", "success")
    return redirect(url_for("guestbook.list_entries"), code=303)


def render_entry_form(form: EntryForm, **context):
    """The page that signs or edits an entry, with the status its submission earned."""
    return render_template("guestbook/form.html", form=form, **context), form_status(form)
