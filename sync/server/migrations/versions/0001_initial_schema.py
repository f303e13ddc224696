"""initial schema

Revision ID: 0001
Revises: (none)
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("org_id", sa.String(length=64), nullable=True),
        sa.Column("device_id", sa.String(length=64), nullable=True),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("ref_ids", sa.JSON(), nullable=False),
        sa.Column("event_id", sa.String(length=64), nullable=True),
        sa.Column("chain_hash", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_log_org_id"), ["org_id"], unique=False)

    op.create_table(
        "meta",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_meta")),
    )
    op.create_table(
        "orgs",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_orgs")),
        sa.UniqueConstraint("name", name=op.f("uq_orgs_name")),
    )
    op.create_table(
        "signing_keys",
        sa.Column("kid", sa.String(length=16), nullable=False),
        sa.Column("private_key", sa.LargeBinary(), nullable=False),
        sa.Column("public_key", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("kid", name=op.f("pk_signing_keys")),
    )
    op.create_table(
        "feed",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("org_id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("ref_id", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["org_id"], ["orgs.id"], name=op.f("fk_feed_org_id_orgs")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feed")),
    )
    with op.batch_alter_table("feed", schema=None) as batch_op:
        batch_op.create_index("ix_feed_org_id", ["org_id", "id"], unique=False)

    op.create_table(
        "members",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("org_id", sa.String(length=64), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("consent_date", sa.Date(), nullable=True),
        sa.Column("first_name", sa.String(length=200), nullable=False),
        sa.Column("last_name", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=32), nullable=False),
        sa.Column("phone2", sa.String(length=32), nullable=False),
        sa.Column("locality", sa.String(length=200), nullable=False),
        sa.Column("district", sa.String(length=200), nullable=False),
        sa.Column("postcode", sa.String(length=16), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["org_id"], ["orgs.id"], name=op.f("fk_members_org_id_orgs")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_members")),
    )
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.create_index("ix_members_org_phone", ["org_id", "phone"], unique=False)

    op.create_table(
        "persons",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("org_id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("clearance_revoked_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["org_id"], ["orgs.id"], name=op.f("fk_persons_org_id_orgs")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_persons")),
    )
    with op.batch_alter_table("persons", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_persons_org_id"), ["org_id"], unique=False)

    op.create_table(
        "resolutions",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("org_id", sa.String(length=64), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=False),
        sa.Column("body", sa.String(length=200), nullable=False),
        sa.Column("purposes", sa.JSON(), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=False),
        sa.Column("document_ref", sa.String(length=500), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["org_id"], ["orgs.id"], name=op.f("fk_resolutions_org_id_orgs")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_resolutions")),
    )
    with op.batch_alter_table("resolutions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_resolutions_org_id"), ["org_id"], unique=False)

    op.create_table(
        "revocation_versions",
        sa.Column("org_id", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["org_id"], ["orgs.id"], name=op.f("fk_revocation_versions_org_id_orgs")),
        sa.PrimaryKeyConstraint("org_id", name=op.f("pk_revocation_versions")),
    )
    op.create_table(
        "campaigns",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("org_id", sa.String(length=64), nullable=False),
        sa.Column("title", sa.String(length=120), nullable=False),
        sa.Column("purpose", sa.String(length=64), nullable=False),
        sa.Column("categories", sa.JSON(), nullable=False),
        sa.Column("resolution_id", sa.String(length=64), nullable=False),
        sa.Column("released_at", sa.DateTime(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["org_id"], ["orgs.id"], name=op.f("fk_campaigns_org_id_orgs")),
        sa.ForeignKeyConstraint(
            ["resolution_id"], ["resolutions.id"], name=op.f("fk_campaigns_resolution_id_resolutions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_campaigns")),
    )
    with op.batch_alter_table("campaigns", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_campaigns_org_id"), ["org_id"], unique=False)

    op.create_table(
        "declarations",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("person_id", sa.String(length=64), nullable=False),
        sa.Column("signed_on", sa.Date(), nullable=False),
        sa.Column("text_version", sa.String(length=40), nullable=False),
        sa.Column("document_ref", sa.String(length=500), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["persons.id"], name=op.f("fk_declarations_person_id_persons")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_declarations")),
    )
    with op.batch_alter_table("declarations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_declarations_person_id"), ["person_id"], unique=False)

    op.create_table(
        "devices",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("org_id", sa.String(length=64), nullable=False),
        sa.Column("person_id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("secret_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["org_id"], ["orgs.id"], name=op.f("fk_devices_org_id_orgs")),
        sa.ForeignKeyConstraint(["person_id"], ["persons.id"], name=op.f("fk_devices_person_id_persons")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_devices")),
    )
    with op.batch_alter_table("devices", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_devices_org_id"), ["org_id"], unique=False)

    op.create_table(
        "enrolment_codes",
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("org_id", sa.String(length=64), nullable=False),
        sa.Column("person_id", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("used_at", sa.DateTime(), nullable=True),
        sa.Column("device_id", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(["org_id"], ["orgs.id"], name=op.f("fk_enrolment_codes_org_id_orgs")),
        sa.ForeignKeyConstraint(
            ["person_id"], ["persons.id"], name=op.f("fk_enrolment_codes_person_id_persons")
        ),
        sa.PrimaryKeyConstraint("code_hash", name=op.f("pk_enrolment_codes")),
    )
    op.create_table(
        "resolution_persons",
        sa.Column("resolution_id", sa.String(length=64), nullable=False),
        sa.Column("person_id", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["persons.id"], name=op.f("fk_resolution_persons_person_id_persons")
        ),
        sa.ForeignKeyConstraint(
            ["resolution_id"],
            ["resolutions.id"],
            name=op.f("fk_resolution_persons_resolution_id_resolutions"),
        ),
        sa.PrimaryKeyConstraint("resolution_id", "person_id", name=op.f("pk_resolution_persons")),
    )
    with op.batch_alter_table("resolution_persons", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_resolution_persons_person_id"), ["person_id"], unique=False)

    op.create_table(
        "trainings",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("person_id", sa.String(length=64), nullable=False),
        sa.Column("completed_on", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["persons.id"], name=op.f("fk_trainings_person_id_persons")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_trainings")),
    )
    with op.batch_alter_table("trainings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_trainings_person_id"), ["person_id"], unique=False)

    op.create_table(
        "campaign_contacts",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("campaign_id", sa.String(length=64), nullable=False),
        sa.Column("member_id", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("status_changed_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"], ["campaigns.id"], name=op.f("fk_campaign_contacts_campaign_id_campaigns")
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_campaign_contacts_member_id_members")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_campaign_contacts")),
        sa.UniqueConstraint("campaign_id", "member_id", name=op.f("uq_campaign_contacts_campaign_id")),
    )
    op.create_table(
        "clearances",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("org_id", sa.String(length=64), nullable=False),
        sa.Column("person_id", sa.String(length=64), nullable=False),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("resolution_id", sa.String(length=64), nullable=False),
        sa.Column("purposes", sa.JSON(), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("signed", sa.JSON(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["device_id"], ["devices.id"], name=op.f("fk_clearances_device_id_devices")),
        sa.ForeignKeyConstraint(["org_id"], ["orgs.id"], name=op.f("fk_clearances_org_id_orgs")),
        sa.ForeignKeyConstraint(["person_id"], ["persons.id"], name=op.f("fk_clearances_person_id_persons")),
        sa.ForeignKeyConstraint(
            ["resolution_id"], ["resolutions.id"], name=op.f("fk_clearances_resolution_id_resolutions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clearances")),
    )
    with op.batch_alter_table("clearances", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_clearances_device_id"), ["device_id"], unique=False)

    op.create_table(
        "device_seqs",
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("key", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(["device_id"], ["devices.id"], name=op.f("fk_device_seqs_device_id_devices")),
        sa.PrimaryKeyConstraint("device_id", "seq", name=op.f("pk_device_seqs")),
    )
    op.create_table(
        "idempotency_keys",
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("key", sa.String(length=36), nullable=False),
        sa.Column("request_hash", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.String(length=32), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["device_id"], ["devices.id"], name=op.f("fk_idempotency_keys_device_id_devices")
        ),
        sa.PrimaryKeyConstraint("device_id", "key", name=op.f("pk_idempotency_keys")),
    )
    op.create_table(
        "pledges",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("org_id", sa.String(length=64), nullable=False),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("lead_person_id", sa.String(length=64), nullable=False),
        sa.Column("volunteer_id", sa.String(length=64), nullable=False),
        sa.Column("volunteer_label", sa.String(length=40), nullable=False),
        sa.Column("text_version", sa.String(length=40), nullable=False),
        sa.Column("signed_at", sa.DateTime(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["device_id"], ["devices.id"], name=op.f("fk_pledges_device_id_devices")),
        sa.ForeignKeyConstraint(
            ["lead_person_id"], ["persons.id"], name=op.f("fk_pledges_lead_person_id_persons")
        ),
        sa.ForeignKeyConstraint(["org_id"], ["orgs.id"], name=op.f("fk_pledges_org_id_orgs")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pledges")),
    )
    with op.batch_alter_table("pledges", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pledges_org_id"), ["org_id"], unique=False)

    op.create_table(
        "reports",
        sa.Column("pk", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("report_id", sa.String(length=64), nullable=False),
        sa.Column("org_id", sa.String(length=64), nullable=False),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("campaign_id", sa.String(length=64), nullable=False),
        sa.Column("contact_id", sa.String(length=64), nullable=False),
        sa.Column("outcome", sa.String(length=32), nullable=False),
        sa.Column("zetkin", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("callback_after", sa.DateTime(), nullable=True),
        sa.Column("wrong_numbers", sa.JSON(), nullable=False),
        sa.Column("organizer_action", sa.Boolean(), nullable=False),
        sa.Column("organizer_message", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("corrects", sa.String(length=64), nullable=True),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"], ["campaigns.id"], name=op.f("fk_reports_campaign_id_campaigns")
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"], ["campaign_contacts.id"], name=op.f("fk_reports_contact_id_campaign_contacts")
        ),
        sa.ForeignKeyConstraint(["device_id"], ["devices.id"], name=op.f("fk_reports_device_id_devices")),
        sa.ForeignKeyConstraint(["org_id"], ["orgs.id"], name=op.f("fk_reports_org_id_orgs")),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_reports")),
    )
    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_reports_campaign_id"), ["campaign_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_reports_contact_id"), ["contact_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_reports_device_id"), ["device_id"], unique=False)
        batch_op.create_index("ix_reports_org_report", ["org_id", "report_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.drop_index("ix_reports_org_report")
        batch_op.drop_index(batch_op.f("ix_reports_device_id"))
        batch_op.drop_index(batch_op.f("ix_reports_contact_id"))
        batch_op.drop_index(batch_op.f("ix_reports_campaign_id"))

    op.drop_table("reports")
    with op.batch_alter_table("pledges", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pledges_org_id"))

    op.drop_table("pledges")
    op.drop_table("idempotency_keys")
    op.drop_table("device_seqs")
    with op.batch_alter_table("clearances", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_clearances_device_id"))

    op.drop_table("clearances")
    op.drop_table("campaign_contacts")
    with op.batch_alter_table("trainings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_trainings_person_id"))

    op.drop_table("trainings")
    with op.batch_alter_table("resolution_persons", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_resolution_persons_person_id"))

    op.drop_table("resolution_persons")
    op.drop_table("enrolment_codes")
    with op.batch_alter_table("devices", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_devices_org_id"))

    op.drop_table("devices")
    with op.batch_alter_table("declarations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_declarations_person_id"))

    op.drop_table("declarations")
    with op.batch_alter_table("campaigns", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_campaigns_org_id"))

    op.drop_table("campaigns")
    op.drop_table("revocation_versions")
    with op.batch_alter_table("resolutions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_resolutions_org_id"))

    op.drop_table("resolutions")
    with op.batch_alter_table("persons", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_persons_org_id"))

    op.drop_table("persons")
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.drop_index("ix_members_org_phone")

    op.drop_table("members")
    with op.batch_alter_table("feed", schema=None) as batch_op:
        batch_op.drop_index("ix_feed_org_id")

    op.drop_table("feed")
    op.drop_table("signing_keys")
    op.drop_table("orgs")
    op.drop_table("meta")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_log_org_id"))

    op.drop_table("audit_log")
