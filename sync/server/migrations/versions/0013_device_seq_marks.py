"""device_seq_marks: up to which sequence number every number of a device arrived (issue 17.3), so that the answer
to a push reads only the numbers above it

Revision ID: 0013
Revises: 0012
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # No rows: a device without one reads all its numbers once, and its next push stores the mark.
    op.create_table(
        "device_seq_marks",
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("contiguous_to", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["device_id"], ["devices.id"], name=op.f("fk_device_seq_marks_device_id_devices")
        ),
        sa.PrimaryKeyConstraint("device_id", name=op.f("pk_device_seq_marks")),
    )


def downgrade() -> None:
    op.drop_table("device_seq_marks")
