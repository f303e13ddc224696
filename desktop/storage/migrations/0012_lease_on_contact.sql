-- Schema version 12: a contact's live lease is also kept on its row (contacts.leased_until), so that with
-- leases "next person" is the same few indexed look-ups as without them (issue 12.7 / 17.5), whatever the size
-- of the list and however the leases are spread over it. The leases table stays the record of the central
-- office's answer (owner: desktop.storage.sync_store); contact_store.mark_leased mirrors it onto the rows in
-- the same transaction, and a contact that arrives after its lease takes the lease over when it is inserted.
ALTER TABLE contacts ADD COLUMN leased_until TEXT;
UPDATE contacts SET leased_until = (SELECT expires_at FROM leases WHERE leases.contact_id = contacts.id)
WHERE id IN (SELECT contact_id FROM leases);
-- The three queue steps of 0001_initial, over the leased rows only (at most protocol.MAX_LEASE per campaign).
CREATE INDEX contacts_leased_callbacks ON contacts (campaign_id, callback_after)
    WHERE status = 'open' AND callback_after IS NOT NULL AND leased_until IS NOT NULL;
CREATE INDEX contacts_leased_fresh ON contacts (campaign_id, position)
    WHERE status = 'open' AND attempts = 0 AND callback_after IS NULL AND leased_until IS NOT NULL;
CREATE INDEX contacts_leased_retry ON contacts (campaign_id, last_attempt_at)
    WHERE status = 'open' AND attempts > 0 AND callback_after IS NULL AND leased_until IS NOT NULL;
