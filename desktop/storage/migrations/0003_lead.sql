-- Schema version 3: what the call lead needs besides the campaign definition (issue 6).
-- Nothing here holds contact data: ids, dates, counts and the lead's own notes on the legal basis.

-- Per campaign: the legal basis (board resolution, DP-11/DP-20/DP-22) and the campaign's end of life (DP-15).
CREATE TABLE campaign_lead (
    campaign_id     TEXT PRIMARY KEY REFERENCES campaigns (id) ON DELETE CASCADE,
    resolution_ref  TEXT NOT NULL DEFAULT '',   -- document reference of the board resolution (Beschluss)
    resolution_body TEXT NOT NULL DEFAULT '',   -- e.g. "Kreisvorstand"
    resolution_date TEXT,                       -- ISO date
    responsible     TEXT NOT NULL DEFAULT '[]', -- JSON list of the 1-3 responsible persons' labels
    grace_days      INTEGER NOT NULL DEFAULT 3 CHECK (grace_days BETWEEN 0 AND 30),
    ended_at        TEXT,                       -- when the lead ended it / it expired
    ended_reason    TEXT CHECK (ended_reason IN ('lead', 'expired')),
    wiped_at        TEXT,                       -- when its contact data was wiped
    wiped_contacts  INTEGER
) STRICT;

-- Disjoint slices of a call list, reserved for one PC or one caller until a deadline (DP-16).
-- The reservation itself lives on the contacts (reserved_by / reserved_until): the queue already treats an
-- expired reservation as free. A slice records which contacts belong together and who holds them.
CREATE TABLE slices (
    id          TEXT PRIMARY KEY,
    campaign_id TEXT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    number      INTEGER NOT NULL,               -- 1..N within one split
    holder      TEXT,                           -- person id (caller) or device id; NULL = in the pool
    holder_kind TEXT NOT NULL DEFAULT 'person' CHECK (holder_kind IN ('person', 'device')),
    label       TEXT NOT NULL DEFAULT '',       -- what the lead sees: caller label or PC name (no member data)
    size        INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL,
    reserved_until TEXT,
    released_at TEXT
) STRICT;

CREATE INDEX slices_campaign ON slices (campaign_id, number);

ALTER TABLE contacts ADD COLUMN slice_id TEXT REFERENCES slices (id) ON DELETE SET NULL;

CREATE INDEX contacts_slice ON contacts (slice_id) WHERE slice_id IS NOT NULL;

-- The dashboard's per-hour and per-caller counts.
CREATE INDEX reports_campaign ON reports (campaign_id, created_at);
