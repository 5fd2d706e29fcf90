-- Authoring: topics, items with immutable numbered versions, options, publications per exam code, workflow audit.

CREATE TABLE topic (
    id              UUID PRIMARY KEY,
    tenant_id       TEXT        NOT NULL,
    parent_id       UUID        REFERENCES topic (id),
    name            TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    blueprint_code  TEXT        CHECK (length(blueprint_code) <= 50),
    path            TEXT        NOT NULL,   -- materialised path of ids, "/<root>/<child>/", for subtree queries
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX topic_name_unique ON topic (tenant_id, coalesce(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), lower(name));
CREATE INDEX topic_path ON topic (tenant_id, path text_pattern_ops);

CREATE TABLE item (
    id              UUID PRIMARY KEY,
    tenant_id       TEXT        NOT NULL,
    created_by      UUID        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    latest_version  INT         NOT NULL,
    live_version    INT,
    row_version     BIGINT      NOT NULL DEFAULT 0   -- optimistic lock
);
CREATE INDEX item_tenant ON item (tenant_id, created_at DESC);

CREATE TABLE item_version (
    id                UUID PRIMARY KEY,
    item_id           UUID        NOT NULL REFERENCES item (id),
    tenant_id         TEXT        NOT NULL,
    version           INT         NOT NULL CHECK (version >= 1),
    state             TEXT        NOT NULL CHECK (state IN ('draft', 'in_review', 'approved', 'published', 'retired')),
    stem              TEXT        NOT NULL CHECK (length(stem) BETWEEN 1 AND 20000),
    lead_in           TEXT        NOT NULL CHECK (length(lead_in) BETWEEN 1 AND 2000),
    rationale         TEXT        NOT NULL,
    topic_id          UUID        NOT NULL REFERENCES topic (id),
    difficulty        TEXT        NOT NULL CHECK (difficulty IN ('easy', 'medium', 'hard', 'nbme')),
    difficulty_level  SMALLINT    NOT NULL CHECK (difficulty_level BETWEEN 1 AND 5),
    provenance        TEXT        NOT NULL DEFAULT 'human' CHECK (provenance IN ('human', 'generated')),
    created_by        UUID        NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (item_id, version)
);
CREATE INDEX item_version_state ON item_version (tenant_id, state);
CREATE INDEX item_version_topic ON item_version (topic_id);

CREATE TABLE item_option (
    item_version_id  UUID    NOT NULL REFERENCES item_version (id) ON DELETE CASCADE,
    label            CHAR(1) NOT NULL CHECK (label IN ('A', 'B', 'C', 'D', 'E')),
    text             TEXT    NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
    correct          BOOLEAN NOT NULL,
    explanation      TEXT,
    PRIMARY KEY (item_version_id, label)
);
-- exactly one correct option per version
CREATE UNIQUE INDEX item_option_one_correct ON item_option (item_version_id) WHERE correct;

CREATE TABLE item_publication (
    id            UUID PRIMARY KEY,
    item_id       UUID        NOT NULL REFERENCES item (id),
    tenant_id     TEXT        NOT NULL,
    exam_code     TEXT        NOT NULL CHECK (exam_code ~ '^[A-Z0-9][A-Z0-9_-]{0,31}$'),
    live_version  INT         NOT NULL,
    published_at  TIMESTAMPTZ NOT NULL,
    published_by  UUID        NOT NULL,
    retired_at    TIMESTAMPTZ,
    UNIQUE (item_id, exam_code)
);
CREATE INDEX item_publication_exam ON item_publication (tenant_id, exam_code) WHERE retired_at IS NULL;

-- Who moved which version from which state to which, when, and why.
CREATE TABLE workflow_event (
    id          BIGSERIAL PRIMARY KEY,
    item_id     UUID        NOT NULL REFERENCES item (id),
    version     INT         NOT NULL,
    tenant_id   TEXT        NOT NULL,
    from_state  TEXT,
    to_state    TEXT        NOT NULL,
    actor       UUID        NOT NULL,
    comment     TEXT,
    at          TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX workflow_event_item ON workflow_event (item_id, version, id);
