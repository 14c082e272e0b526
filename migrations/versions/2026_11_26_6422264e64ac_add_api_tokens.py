"""add api tokens

Revision ID: 6422264e64ac
Revises: db9b527fb86b
Create Date: 2026-11-26 07:16:44.613964
"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "6422264e64ac"
down_revision = "db9b527fb86b"
branch_labels = None
depends_on = None


def upgrade():
    """Create the table of API tokens (hashes only)."""
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_tokens")),
        sa.UniqueConstraint("name", name=op.f("uq_api_tokens_name")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_api_tokens_token_hash")),
    )


def downgrade():
    """Drop the table of API tokens."""
    op.drop_table("api_tokens")
