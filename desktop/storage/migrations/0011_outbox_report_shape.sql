-- Schema version 11: the outbox stores a report in the one versioned shape it has up to the central office's row
-- (issue 12.1; desktop.storage.outbox_store.StoredReport): {"report": <sync.core.protocol.ReportPayload>,
-- "local": {"caller_id": ...}}. Until now it stored the PC's own report record (version 0: "id" instead of
-- "report_id", the caller's local id inside, no Zetkin code) and converted it on every push. Every report row
-- is converted here, whatever its state, so that the push, the DP-6 scrub and page salvage know one form.
-- The Zetkin codes are those of sync.core.rules.Outcome when this was written (tests/unit/test_report_shape.py
-- checks every outcome); an outcome this table does not know gets none, and the push refuses the item as
-- unencodable, as the conversion on push did.

UPDATE outbox
SET payload = json_object(
    'report', json(json_set(
        json_remove(payload, '$.id', '$.caller_id'),
        '$.schema_version', 1,
        '$.report_id', json_extract(payload, '$.id'),
        '$.zetkin', CASE json_extract(payload, '$.outcome')
            WHEN 'reached' THEN 1
            WHEN 'no_pickup' THEN 11
            WHEN 'busy' THEN 12
            WHEN 'call_back' THEN 13
            WHEN 'not_available' THEN 14
            WHEN 'voicemail' THEN 15
            WHEN 'wrong_number' THEN 21
        END
    )),
    'local', json_object('caller_id', json_extract(payload, '$.caller_id'))
)
WHERE kind = 'report' AND json_valid(payload) AND json_type(payload, '$.report') IS NULL;
