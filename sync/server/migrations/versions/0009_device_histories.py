"""device_histories: a rotating check-in token per device, to tell a restored workspace from a clone (issue 13.4)

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "device_histories",
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("token", sa.String(length=64), nullable=False),
        sa.Column("abandoned", sa.String(length=64), nullable=True),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.Column("rollbacks", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["device_id"], ["devices.id"], name=op.f("fk_device_histories_device_id_devices")
        ),
        sa.PrimaryKeyConstraint("device_id", name=op.f("pk_device_histories")),
    )


def downgrade() -> None:
    op.drop_table("device_histories")
