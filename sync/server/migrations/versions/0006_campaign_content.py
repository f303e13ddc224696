"""campaign content versions, member numbers (central only), organizer-inbox resolution, campaign end and
retention (a wiped contact keeps its pseudonym without a member)

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "campaign_contents",
        sa.Column("campaign_id", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("author", sa.String(length=16), nullable=False),
        sa.Column("author_ref", sa.String(length=64), nullable=True),
        sa.Column("content", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"], ["campaigns.id"], name=op.f("fk_campaign_contents_campaign_id_campaigns")
        ),
        sa.PrimaryKeyConstraint("campaign_id", "version", name=op.f("pk_campaign_contents")),
    )
    with op.batch_alter_table("members") as batch:
        batch.add_column(sa.Column("member_number", sa.String(length=64), nullable=True))
    with op.batch_alter_table("campaigns") as batch:
        batch.add_column(sa.Column("ended_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("results_exported_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("contacts_wiped_at", sa.DateTime(), nullable=True))
    with op.batch_alter_table("campaign_contacts") as batch:
        batch.alter_column("member_id", existing_type=sa.String(length=64), nullable=True)
    with op.batch_alter_table("reports") as batch:
        batch.add_column(sa.Column("organizer_resolution", sa.String(length=16), nullable=True))
        batch.add_column(sa.Column("organizer_resolved_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("campaign_contacts") as batch:
        batch.alter_column("member_id", existing_type=sa.String(length=64), nullable=False)
    with op.batch_alter_table("reports") as batch:
        batch.drop_column("organizer_resolved_at")
        batch.drop_column("organizer_resolution")
    with op.batch_alter_table("campaigns") as batch:
        batch.drop_column("contacts_wiped_at")
        batch.drop_column("results_exported_at")
        batch.drop_column("ended_at")
    with op.batch_alter_table("members") as batch:
        batch.drop_column("member_number")
    op.drop_table("campaign_contents")
