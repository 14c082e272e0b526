"""create guestbook entries

Revision ID: db9b527fb86b
Revises:
Create Date: 2026-11-26 06:55:21.164336
"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "db9b527fb86b"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    """Create the guestbook's table."""
    op.create_table(
        "guestbook_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("message", sa.String(length=500), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_guestbook_entries")),
    )


def downgrade():
    """Drop the guestbook's table."""
    op.drop_table("guestbook_entries")
