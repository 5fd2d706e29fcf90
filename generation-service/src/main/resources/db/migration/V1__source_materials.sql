-- Generation: source materials per tenant and their overlapping chunks (the retrieval units).

CREATE TABLE source_material (
    id            UUID PRIMARY KEY,
    tenant_id     TEXT        NOT NULL,
    owner_id      UUID        NOT NULL,
    title         TEXT        NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    content_type  TEXT        NOT NULL CHECK (content_type IN ('text/plain', 'text/markdown')),
    size_chars    INT         NOT NULL,
    chunk_count   INT         NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX source_material_tenant ON source_material (tenant_id, created_at DESC);

CREATE TABLE material_chunk (
    id            UUID PRIMARY KEY,
    material_id   UUID        NOT NULL REFERENCES source_material (id) ON DELETE CASCADE,
    tenant_id     TEXT        NOT NULL,
    ordinal       INT         NOT NULL,
    start_offset  INT         NOT NULL,
    end_offset    INT         NOT NULL,
    text          TEXT        NOT NULL,
    UNIQUE (material_id, ordinal)
);
CREATE INDEX material_chunk_tenant ON material_chunk (tenant_id);
