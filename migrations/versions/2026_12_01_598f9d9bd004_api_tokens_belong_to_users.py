"""api tokens belong to users

Revision ID: 598f9d9bd004
Revises: ab3ef95e6fb8
Create Date: 2026-12-01 16:32:00.000000

Tokens made before accounts existed belong to no one, and a token now acts for its owner:
they are deleted. Make new ones with `flask api-token create --user EMAIL NAME`.
"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "598f9d9bd004"
down_revision = "ab3ef95e6fb8"
branch_labels = None
depends_on = None


def upgrade():
    """Give each token an owner; names are unique per owner; deleting an account deletes them."""
    op.execute(sa.text("DELETE FROM api_tokens"))
    with op.batch_alter_table("api_tokens") as batch_op:
        batch_op.add_column(sa.Column("user_id", sa.Integer(), nullable=False))
        batch_op.drop_constraint(batch_op.f("uq_api_tokens_name"), type_="unique")
        batch_op.create_unique_constraint(batch_op.f("uq_api_tokens_user_id"), ["user_id", "name"])
        batch_op.create_foreign_key(
            batch_op.f("fk_api_tokens_user_id_users"),
            "users",
            ["user_id"],
            ["id"],
            ondelete="CASCADE",
        )


def downgrade():
    """Tokens belong to no one again; the owned ones are deleted, as their names may clash."""
    op.execute(sa.text("DELETE FROM api_tokens"))
    with op.batch_alter_table("api_tokens") as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_api_tokens_user_id_users"), type_="foreignkey")
        batch_op.drop_constraint(batch_op.f("uq_api_tokens_user_id"), type_="unique")
        batch_op.create_unique_constraint(batch_op.f("uq_api_tokens_name"), ["name"])
        batch_op.drop_column("user_id")
