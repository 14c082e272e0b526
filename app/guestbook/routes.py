"""Views of the guestbook: list, sign, show, edit, delete.

Anyone may read. Signing needs an account, and only an entry's author may edit or delete it.
"""

from flask import Blueprint, current_app, flash, redirect, render_template, url_for
from flask_login import current_user, login_required

from app.database import db
from app.forms.fields import form_status
from app.guestbook.forms import DeleteForm, EntryForm
from app.guestbook.models import (
    ENTRY_PAGES,
    MAX_ENTRY_ID,
    GuestbookEntry,
    entry_written_by,
)
from app.guestbook.pagination import paginate_request

bp = Blueprint("guestbook", __name__)
# Ids the column can hold; larger ones answer 404 rather than a database "out of range" error.
ENTRY_ID_RULE = f"<int(min=1, max={MAX_ENTRY_ID}):entry_id>"


@bp.get("/")
def list_entries():
    """Newest entries first, one keyset page at a time."""
    page = paginate_request(ENTRY_PAGES, current_app.config["GUESTBOOK_PAGE_SIZE"])
    return render_template("guestbook/list.html", page=page)


@bp.route("/new", methods=["GET", "POST"])
@login_required
def create_entry():
    """Sign the guestbook; on success, back to the list with the new entry on top."""
    form = EntryForm()
    if form.validate_on_submit():
        entry = GuestbookEntry(
            name=form.name.data, message=form.message.data, author_id=current_user.id
        )
        db.session.add(entry)
        db.session.commit()
        flash("Thank you for signing the guestbook!", "success")
        return redirect(url_for("guestbook.list_entries"), code=303)
    return render_entry_form(form, title="Sign the guestbook")


@bp.get(f"/{ENTRY_ID_RULE}")
def show_entry(entry_id: int):
    """One entry, with the buttons to edit or delete it for its author."""
    entry = db.get_or_404(GuestbookEntry, entry_id)
    return render_template(
        "guestbook/detail.html",
        entry=entry,
        can_change=entry.is_written_by(getattr(current_user, "id", None)),
        delete_form=DeleteForm(),
    )


@bp.route(f"/{ENTRY_ID_RULE}/edit", methods=["GET", "POST"])
@login_required
def edit_entry(entry_id: int):
    """Change an entry's name or message."""
    entry = entry_written_by(current_user.id, entry_id)
    form = EntryForm(obj=entry)
    if form.validate_on_submit():
        entry.name, entry.message = form.name.data, form.message.data
        db.session.commit()
        flash("Your changes are saved.", "success")
        return redirect(url_for("guestbook.show_entry", entry_id=entry.id), code=303)
    return render_entry_form(form, title="Edit entry", entry=entry)


@bp.post(f"/{ENTRY_ID_RULE}/delete")
@login_required
def delete_entry(entry_id: int):
    """Delete an entry; only ever by POST, which CSRF protection covers."""
    entry = entry_written_by(current_user.id, entry_id)
    db.session.delete(entry)
    db.session.commit()
    flash("The entry is deleted.", "success")
    return redirect(url_for("guestbook.list_entries"), code=303)


def render_entry_form(form: EntryForm, **context):
    """The page that signs or edits an entry, with the status its submission earned."""
    return render_template("guestbook/form.html", form=form, **context), form_status(form)
