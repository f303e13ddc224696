-- Schema version 8: leases from the central office (issue 13.3, DP-16). Once this PC has received leases
-- (meta 'leasing'), it offers a contact of a central campaign only while it holds an unexpired lease on it;
-- the central office leases a contact to one PC at a time, so two PCs never offer the same person, also offline.
CREATE TABLE leases (
    contact_id  TEXT PRIMARY KEY,
    campaign_id TEXT NOT NULL,
    expires_at  TEXT NOT NULL
) STRICT;
