-- Schema version 13: how many outbox items of each kind wait for the central office, kept as a count (issue 17.4).
-- The calling screen shows it after every saved report; counting the pending rows each time cost a row look-up
-- per waiting report (0.26 ms at 2,000 waiting: a long offline shift got slower with every report). Triggers
-- keep the counts in the same transaction as the outbox row they count, whoever writes it (owner of both:
-- desktop.storage.outbox_store); a kind with nothing waiting may keep a row with 0.
CREATE TABLE outbox_pending_counts (
    kind TEXT PRIMARY KEY,
    n    INTEGER NOT NULL CHECK (n >= 0)
) STRICT;

INSERT INTO outbox_pending_counts (kind, n)
SELECT kind, count(*) FROM outbox WHERE state = 'pending' GROUP BY kind;

CREATE TRIGGER outbox_pending_insert AFTER INSERT ON outbox WHEN NEW.state = 'pending'
BEGIN
    INSERT INTO outbox_pending_counts (kind, n) VALUES (NEW.kind, 1)
    ON CONFLICT (kind) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER outbox_pending_update AFTER UPDATE OF state, kind ON outbox
WHEN (OLD.state = 'pending') <> (NEW.state = 'pending') OR (OLD.state = 'pending' AND OLD.kind <> NEW.kind)
BEGIN
    UPDATE outbox_pending_counts SET n = n - 1 WHERE OLD.state = 'pending' AND kind = OLD.kind;
    INSERT INTO outbox_pending_counts (kind, n) SELECT NEW.kind, 1 WHERE NEW.state = 'pending'
    ON CONFLICT (kind) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER outbox_pending_delete AFTER DELETE ON outbox WHEN OLD.state = 'pending'
BEGIN
    UPDATE outbox_pending_counts SET n = n - 1 WHERE kind = OLD.kind;
END;
