-- Schema version 7: the organisation-wide objection register as this PC knows it (issue 13.1, DP-17).
-- Only keyed hashes (HMAC-SHA256 of the E.164 number with the organisation's key, meta 'register_key'):
-- enough to refuse an import row, never a readable list of objectors.
CREATE TABLE objection_register (
    hash TEXT PRIMARY KEY
) STRICT, WITHOUT ROWID;
