-- Schema version 4: what the sync with the central office needs.
-- The outbox gets a per-device sequence number (device_seq) for the items that go to the central office,
-- and the state 'local' for reports of a lead's own local campaign, which never leave the PC (DP-3).

CREATE TABLE outbox_v4 (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    item_id    TEXT NOT NULL UNIQUE,
    kind       TEXT NOT NULL,
    payload    TEXT NOT NULL,
    created_at TEXT NOT NULL,
    state      TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'rejected', 'local')),
    tries      INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    acked_at   TEXT,
    device_seq INTEGER UNIQUE
) STRICT;

INSERT INTO outbox_v4 (seq, item_id, kind, payload, created_at, state, tries, last_error, acked_at, device_seq)
SELECT seq, item_id, kind, payload, created_at, state, tries, last_error, acked_at, seq FROM outbox;

DROP TABLE outbox;
ALTER TABLE outbox_v4 RENAME TO outbox;
CREATE INDEX outbox_pending ON outbox (state, device_seq);

-- Signed clearances from the central office (verified offline each time they are used, never trusted as a flag).
CREATE TABLE clearances (
    resolution_id TEXT PRIMARY KEY,
    purposes      TEXT NOT NULL,             -- JSON list (informative; the signed payload decides)
    signed        TEXT NOT NULL,             -- JSON of sync.clearance.SignedClearance
    received_at   TEXT NOT NULL
) STRICT;

-- The contact data's origin: a central-office campaign comes with its resolution.
ALTER TABLE campaigns ADD COLUMN resolution_id TEXT;
