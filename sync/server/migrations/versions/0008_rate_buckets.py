"""rate_buckets: request budgets shared by several server processes on one PostgreSQL (issue 13.7)

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rate_buckets",
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("tokens", sa.Float(), nullable=False),
        sa.Column("at", sa.Float(), nullable=False),
        sa.Column("granted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_rate_buckets")),
    )
    op.create_index(op.f("ix_rate_buckets_at"), "rate_buckets", ["at"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_rate_buckets_at"), table_name="rate_buckets")
    op.drop_table("rate_buckets")
