-- The tenant's published items (from qbank.items.v1), embedded like generated ones, so that generation never drafts
-- a question the bank already has. seq orders the rows for the in-memory index's incremental refresh.
CREATE TABLE published_item (
    item_id    UUID    NOT NULL,
    version    INT     NOT NULL,
    tenant_id  TEXT    NOT NULL,
    seq        BIGSERIAL,
    embedding  REAL[]  NOT NULL,
    PRIMARY KEY (item_id, version)
);
CREATE INDEX published_item_tenant_seq ON published_item (tenant_id, seq);
