"""The guestbook layer's table: guestbook_entries, each owned by an account.

Revision ID: d22b06eb7872
Revises: 49e197973d58
Create Date: 2026-12-05 13:00:01.000000
"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "d22b06eb7872"
down_revision = "49e197973d58"
branch_labels = None
depends_on = None


def upgrade():
    """Create the guestbook's table; deleting an account deletes its entries."""
    op.create_table(
        "guestbook_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("message", sa.String(length=500), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["users.id"],
            name=op.f("fk_guestbook_entries_author_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_guestbook_entries")),
    )
    op.create_index(
        op.f("ix_guestbook_entries_author_id"), "guestbook_entries", ["author_id"], unique=False
    )


def downgrade():
    """Drop the guestbook's table."""
    op.drop_index(op.f("ix_guestbook_entries_author_id"), table_name="guestbook_entries")
    op.drop_table("guestbook_entries")
