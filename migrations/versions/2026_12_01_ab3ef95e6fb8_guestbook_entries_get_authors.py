"""guestbook entries get authors

Revision ID: ab3ef95e6fb8
Revises: 405f72454284
Create Date: 2026-12-01 16:31:00.000000

Entries written before accounts existed keep an empty author: they stay on the list under
the name they were signed with, and no one can edit or delete them through the site.
"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "ab3ef95e6fb8"
down_revision = "405f72454284"
branch_labels = None
depends_on = None


def upgrade():
    """Add the author of each entry; deleting an account deletes its entries."""
    # Batch mode: SQLite can only add a foreign key by copying the table, which this does.
    with op.batch_alter_table("guestbook_entries") as batch_op:
        batch_op.add_column(sa.Column("author_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_guestbook_entries_author_id"), ["author_id"])
        batch_op.create_foreign_key(
            batch_op.f("fk_guestbook_entries_author_id_users"),
            "users",
            ["author_id"],
            ["id"],
            ondelete="CASCADE",
        )


def downgrade():
    """Forget who wrote each entry."""
    with op.batch_alter_table("guestbook_entries") as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_guestbook_entries_author_id_users"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_guestbook_entries_author_id"))
        batch_op.drop_column("author_id")
