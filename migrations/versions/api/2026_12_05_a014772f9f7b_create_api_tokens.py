"""The api layer's table: api_tokens, hashes only, each acting for one account.

Revision ID: a014772f9f7b
Revises: d22b06eb7872
Create Date: 2026-12-05 13:00:02.000000
"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "a014772f9f7b"
down_revision = "d22b06eb7872"
branch_labels = None
depends_on = None


def upgrade():
    """Create the table of API tokens; names are unique per account."""
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_api_tokens_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_tokens")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_api_tokens_token_hash")),
        sa.UniqueConstraint("user_id", "name", name=op.f("uq_api_tokens_user_id")),
    )


def downgrade():
    """Drop the table of API tokens."""
    op.drop_table("api_tokens")
