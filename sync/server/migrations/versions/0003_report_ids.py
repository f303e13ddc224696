"""report ids claimed once per organisation (a re-enrolled PC re-sending salvaged reports counts once)

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "report_ids",
        sa.Column("org_id", sa.String(length=64), nullable=False),
        sa.Column("report_id", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["org_id"], ["orgs.id"], name=op.f("fk_report_ids_org_id_orgs")),
        sa.PrimaryKeyConstraint("org_id", "report_id", name=op.f("pk_report_ids")),
    )
    op.execute("INSERT INTO report_ids (org_id, report_id) SELECT DISTINCT org_id, report_id FROM reports")


def downgrade() -> None:
    op.drop_table("report_ids")
