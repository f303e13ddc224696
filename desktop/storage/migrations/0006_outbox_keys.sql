-- Schema version 6: rollback and clone safety (issue 13.4).
-- An outbox item that had to be renumbered (the central office already holds its sequence number from a
-- workspace this one was restored or copied from) is sent under a new idempotency key. item_id stays the
-- item's own id; idem_key, when set, is the key it is sent under.
ALTER TABLE outbox ADD COLUMN idem_key TEXT;
CREATE UNIQUE INDEX outbox_idem_key ON outbox (idem_key) WHERE idem_key IS NOT NULL;
