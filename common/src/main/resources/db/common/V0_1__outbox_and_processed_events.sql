-- Shared by every service (from qbank-common): the transactional outbox on the way into Kafka and the
-- processed-event log that makes consumers idempotent on the way out.

CREATE TABLE outbox_event (
    seq            BIGSERIAL PRIMARY KEY,          -- relay order; per key it is the order of the writes
    event_id       UUID        NOT NULL UNIQUE,    -- ce_id
    topic          TEXT        NOT NULL,
    partition_key  TEXT        NOT NULL,
    ce_type        TEXT        NOT NULL,
    ce_source      TEXT        NOT NULL,
    ce_subject     TEXT,
    tenant_id      TEXT        NOT NULL,           -- ce_tenant
    payload        TEXT        NOT NULL,           -- the JSON data, exactly as it is sent
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at        TIMESTAMPTZ
);
CREATE INDEX outbox_event_unsent ON outbox_event (seq) WHERE sent_at IS NULL;
CREATE INDEX outbox_event_sent_at ON outbox_event (sent_at) WHERE sent_at IS NOT NULL;

CREATE TABLE processed_event (
    consumer      TEXT        NOT NULL,            -- the consuming projection, so two projections of one service each see every event
    event_id      UUID        NOT NULL,            -- ce_id
    ce_type       TEXT        NOT NULL,
    processed_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
