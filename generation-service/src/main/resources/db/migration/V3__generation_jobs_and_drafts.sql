-- Generation jobs (one LLM call for up to 20 items, run in the background) and the drafts they produced, whose
-- embeddings later jobs compare against so a tenant is not sent the same question twice.
CREATE TABLE generation_job (
    id             UUID PRIMARY KEY,
    tenant_id      TEXT        NOT NULL,
    requested_by   UUID        NOT NULL,
    exam_code      TEXT        NOT NULL,
    topic_id       UUID,
    topic          TEXT        NOT NULL,
    subtopic       TEXT,
    difficulty     SMALLINT    NOT NULL CHECK (difficulty BETWEEN 1 AND 5),
    student_level  SMALLINT    NOT NULL CHECK (student_level BETWEEN 1 AND 5),
    requested      INT         NOT NULL CHECK (requested BETWEEN 1 AND 20),
    material_ids   UUID[],                      -- null: retrieve from all the tenant's materials
    state          TEXT        NOT NULL CHECK (state IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
    generated      INT         NOT NULL DEFAULT 0,
    valid          INT         NOT NULL DEFAULT 0,
    rejected       INT         NOT NULL DEFAULT 0,
    duplicates     INT         NOT NULL DEFAULT 0,
    outcomes       JSONB       NOT NULL DEFAULT '[]',  -- per generated item: accepted / rejected (reasons) / duplicate (twin)
    model          TEXT,
    prompt_version TEXT,
    source_chunk_ids UUID[],
    error          TEXT,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    started_at     TIMESTAMPTZ,
    finished_at    TIMESTAMPTZ
);
CREATE INDEX generation_job_tenant ON generation_job (tenant_id, created_at DESC);
CREATE INDEX generation_job_active ON generation_job (tenant_id) WHERE state IN ('queued', 'running');

CREATE TABLE generated_draft (
    id          UUID PRIMARY KEY,
    job_id      UUID        NOT NULL REFERENCES generation_job (id),
    tenant_id   TEXT        NOT NULL,
    stem        TEXT        NOT NULL,
    lead_in     TEXT        NOT NULL,
    quality     DOUBLE PRECISION NOT NULL,
    embedding   REAL[]      NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX generated_draft_tenant ON generated_draft (tenant_id);
