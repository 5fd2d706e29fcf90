-- Personal study sets: a learner's own materials, the generation jobs run on them and the questions those made. They
-- belong to that learner alone (owner_id): never retrieved for the tenant's authors, never sent to authoring unless the
-- learner proposes one. Deleting a material deletes its chunks, the jobs that drew on it and the questions they made.

ALTER TABLE source_material ADD COLUMN personal BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE source_material DROP CONSTRAINT source_material_content_type_check;
ALTER TABLE source_material ADD CONSTRAINT source_material_content_type_check
    CHECK (content_type IN ('text/plain', 'text/markdown', 'application/pdf'));
CREATE INDEX source_material_personal ON source_material (tenant_id, owner_id, created_at DESC) WHERE personal;

-- null for the tenant's shared materials: retrieval for authors reads only those, a learner's job only its owner's.
ALTER TABLE material_chunk ADD COLUMN personal_owner UUID;
CREATE INDEX material_chunk_personal ON material_chunk (tenant_id, personal_owner);

-- a personal job: owner_id is its learner (and requested_by); it has no exam code.
ALTER TABLE generation_job ADD COLUMN owner_id UUID;
ALTER TABLE generation_job ALTER COLUMN exam_code DROP NOT NULL;
CREATE INDEX generation_job_personal ON generation_job (tenant_id, owner_id, created_at DESC) WHERE owner_id IS NOT NULL;

CREATE TABLE personal_item (
    id               UUID PRIMARY KEY,
    tenant_id        TEXT        NOT NULL,
    owner_id         UUID        NOT NULL,
    job_id           UUID        NOT NULL REFERENCES generation_job (id) ON DELETE CASCADE,
    material_ids     UUID[]      NOT NULL,
    version          INT         NOT NULL DEFAULT 1 CHECK (version >= 1),
    state            TEXT        NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'reported')),
    topic            TEXT        NOT NULL,
    difficulty       SMALLINT    NOT NULL CHECK (difficulty BETWEEN 1 AND 5),
    stem             TEXT        NOT NULL,
    lead_in          TEXT        NOT NULL,
    options          JSONB       NOT NULL,       -- [{label, text, correct, explanation}]
    rationale        TEXT        NOT NULL,
    quality          DOUBLE PRECISION NOT NULL,
    notes            TEXT[]      NOT NULL DEFAULT '{}',   -- the validator's findings, as "code: message"
    source_chunk_ids UUID[]      NOT NULL DEFAULT '{}',
    report_reason    TEXT,
    report_comment   TEXT,
    proposed_at      TIMESTAMPTZ,                -- when its owner proposed it to the tenant's authors
    embedding        REAL[]      NOT NULL,
    model            TEXT,
    prompt_version   TEXT,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX personal_item_owner ON personal_item (tenant_id, owner_id, created_at DESC);
CREATE INDEX personal_item_materials ON personal_item USING gin (material_ids);
