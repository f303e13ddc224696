-- Schema version 10: the organizer inbox on the call lead's PC (issue 14.2, inbox v1): every "Rückmeldung an
-- die Orga" of the organisation as the central office sends it, and how staff resolved it. Wiped with the
-- campaign's contact data.

CREATE TABLE organizer_inbox (
    report_id   TEXT PRIMARY KEY,
    campaign_id TEXT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    contact_id  TEXT NOT NULL,
    outcome     TEXT NOT NULL,
    message     TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    resolution  TEXT CHECK (resolution IN ('done', 'reopen')),
    resolved_at TEXT
) STRICT;

CREATE INDEX organizer_inbox_campaign ON organizer_inbox (campaign_id, created_at);
