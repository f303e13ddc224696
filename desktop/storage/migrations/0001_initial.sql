-- Schema version 1: the workspace of one organisation on one PC.
-- Timestamps are UTC text in one fixed format (desktop.storage.timefmt), so text order is time order.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

-- People who may unlock this workspace (their key slots live in keyslots.json).
CREATE TABLE people (
    id             TEXT PRIMARY KEY,
    label          TEXT NOT NULL,
    role           TEXT NOT NULL CHECK (role IN ('lead', 'caller')),
    created_at     TEXT NOT NULL,
    ranking_opt_in INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE campaigns (
    id         TEXT PRIMARY KEY,
    title      TEXT NOT NULL,
    purpose    TEXT NOT NULL,
    definition TEXT NOT NULL,            -- JSON of desktop.domain.models.Campaign
    status     TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('draft', 'active', 'ended')),
    origin     TEXT NOT NULL DEFAULT 'local' CHECK (origin IN ('local', 'central')),
    created_at TEXT NOT NULL
) STRICT;

-- The call list: a pseudonymous id plus only the fields the campaign's purpose allows (DP-4, DP-5).
CREATE TABLE contacts (
    id              TEXT PRIMARY KEY,
    campaign_id     TEXT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    first_name      TEXT NOT NULL DEFAULT '',
    last_name       TEXT NOT NULL DEFAULT '',
    locality        TEXT NOT NULL DEFAULT '',
    district        TEXT NOT NULL DEFAULT '',
    postcode        TEXT NOT NULL DEFAULT '',
    phone           TEXT NOT NULL DEFAULT '',
    phone2          TEXT NOT NULL DEFAULT '',
    category        TEXT NOT NULL DEFAULT 'member',
    status          TEXT NOT NULL DEFAULT 'open',
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_attempt_at TEXT,
    callback_after  TEXT,
    reserved_by     TEXT,
    reserved_until  TEXT
) STRICT;

CREATE INDEX contacts_callbacks ON contacts (campaign_id, callback_after) WHERE status = 'open' AND callback_after IS NOT NULL;
CREATE INDEX contacts_fresh ON contacts (campaign_id, position) WHERE status = 'open' AND attempts = 0 AND callback_after IS NULL;
CREATE INDEX contacts_retry ON contacts (campaign_id, last_attempt_at) WHERE status = 'open' AND attempts > 0 AND callback_after IS NULL;
CREATE INDEX contacts_status ON contacts (campaign_id, status);

-- Call reports: append-only facts. A correction is a new row naming the report it corrects.
CREATE TABLE reports (
    id          TEXT PRIMARY KEY,
    campaign_id TEXT NOT NULL,
    contact_id  TEXT NOT NULL,
    caller_id   TEXT NOT NULL,
    outcome     TEXT NOT NULL,
    zetkin_code INTEGER,
    created_at  TEXT NOT NULL,
    body        TEXT NOT NULL,             -- JSON of desktop.domain.models.CallReport
    corrects    TEXT REFERENCES reports (id)
) STRICT;

CREATE INDEX reports_contact ON reports (contact_id, created_at);
CREATE INDEX reports_caller ON reports (caller_id, created_at);

-- The outbox: every fact that must reach the central office, in order. seq is the per-device
-- sequence number the server uses for gap detection; item_id is the idempotency key.
CREATE TABLE outbox (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    item_id    TEXT NOT NULL UNIQUE,
    kind       TEXT NOT NULL,
    payload    TEXT NOT NULL,
    created_at TEXT NOT NULL,
    state      TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'rejected')),
    tries      INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    acked_at   TEXT
) STRICT;

CREATE INDEX outbox_pending ON outbox (state, seq);
