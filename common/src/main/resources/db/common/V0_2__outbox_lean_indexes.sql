-- Every event is inserted into the outbox once and marked sent once, and each index is written both times.
-- ce_id is a random UUID made by the writer and never looked up: no unique index. The purge of sent rows walks the
-- primary key in seq order (OutboxRelay.purgeSent) instead of an index on sent_at.
ALTER TABLE outbox_event DROP CONSTRAINT IF EXISTS outbox_event_event_id_key;
DROP INDEX IF EXISTS outbox_event_sent_at;
