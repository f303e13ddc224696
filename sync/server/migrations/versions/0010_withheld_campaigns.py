"""withheld_campaigns: contacts a pull left out for a device without a clearance for their purpose (DP-11)

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "withheld_campaigns",
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("campaign_id", sa.String(length=64), nullable=False),
        sa.Column("resent_after", sa.String(length=64), nullable=True),
        sa.Column("withheld_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["device_id"], ["devices.id"], name=op.f("fk_withheld_campaigns_device_id_devices")
        ),
        sa.ForeignKeyConstraint(
            ["campaign_id"], ["campaigns.id"], name=op.f("fk_withheld_campaigns_campaign_id_campaigns")
        ),
        sa.PrimaryKeyConstraint("device_id", "campaign_id", name=op.f("pk_withheld_campaigns")),
    )


def downgrade() -> None:
    op.drop_table("withheld_campaigns")
