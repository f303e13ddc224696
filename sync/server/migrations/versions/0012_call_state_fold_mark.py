"""where the fold of a contact's shared call state stands (issue 17.3): the status its reports gave so far and
the sort key of the last report folded, so that a push continues the fold instead of folding every report again

Revision ID: 0012
Revises: 0011
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # All NULL: no stored fold yet, the next push folds the contact's reports in full and stores where it stands.
    with op.batch_alter_table("campaign_contacts") as batch:
        batch.add_column(sa.Column("fold_status", sa.String(length=32), nullable=True))
        batch.add_column(sa.Column("folded_through_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("folded_through_id", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("campaign_contacts") as batch:
        batch.drop_column("folded_through_id")
        batch.drop_column("folded_through_at")
        batch.drop_column("fold_status")
