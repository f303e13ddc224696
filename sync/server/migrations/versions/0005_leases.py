"""leases: a released campaign's contact is leased to one device at a time (issue 13.3, DP-16)

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "leases",
        sa.Column("contact_id", sa.String(length=64), nullable=False),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("org_id", sa.String(length=64), nullable=False),
        sa.Column("campaign_id", sa.String(length=64), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("taken_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"], ["campaign_contacts.id"], name=op.f("fk_leases_contact_id_campaign_contacts")
        ),
        sa.ForeignKeyConstraint(["device_id"], ["devices.id"], name=op.f("fk_leases_device_id_devices")),
        sa.PrimaryKeyConstraint("contact_id", name=op.f("pk_leases")),
    )
    op.create_index(op.f("ix_leases_device_id"), "leases", ["device_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_leases_device_id"), table_name="leases")
    op.drop_table("leases")
