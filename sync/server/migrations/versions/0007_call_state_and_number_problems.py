"""shared call state of a contact (attempts, last call, call-back; issue 13.3) and the number-problems list
(issue 13.2)

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("campaign_contacts") as batch:
        batch.add_column(sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("last_attempt_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("callback_after", sa.DateTime(), nullable=True))
    op.create_table(
        "number_problems",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("org_id", sa.String(length=64), nullable=False),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("member_id", sa.String(length=64), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("campaign_id", sa.String(length=64), nullable=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["org_id"], ["orgs.id"], name=op.f("fk_number_problems_org_id_orgs")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_number_problems")),
        sa.UniqueConstraint("org_id", "number", name=op.f("uq_number_problems_org_id")),
    )


def downgrade() -> None:
    op.drop_table("number_problems")
    with op.batch_alter_table("campaign_contacts") as batch:
        batch.drop_column("callback_after")
        batch.drop_column("last_attempt_at")
        batch.drop_column("attempts")
