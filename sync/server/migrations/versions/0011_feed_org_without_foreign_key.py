"""feed: no foreign key from org_id to orgs (issue 17.2, docs/performance.md "Release, session 6")

PostgreSQL checks a foreign key row by row; a release to 100k members wrote 100k feed rows and ran 100k checks of
the same organisation. The organisation of a contact's feed row is the organisation of the contact's campaign,
which the contact's own foreign key (campaign_contacts.campaign_id) and the campaign's (campaigns.org_id) already
check; the release writes the feed rows with the organisation it writes the campaign with, in the same
transaction (sync.server.commands._feed_contacts), and tests/server/test_release_feed.py checks that the two cannot disagree.

Revision ID: 0011
Revises: 0010
"""

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("feed") as batch:
        batch.drop_constraint(op.f("fk_feed_org_id_orgs"), type_="foreignkey")


def downgrade() -> None:
    with op.batch_alter_table("feed") as batch:
        batch.create_foreign_key(op.f("fk_feed_org_id_orgs"), "orgs", ["org_id"], ["id"])
