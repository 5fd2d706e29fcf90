-- Delivery: the published item pool (a read model of qbank.items.v1), quiz sessions, served items, responses.

-- Every version ever published, immutable: answers are graded with the served version's key.
CREATE TABLE pool_item_version (
    item_id           UUID        NOT NULL,
    version           INT         NOT NULL,
    tenant_id         TEXT        NOT NULL,
    topic_id          UUID        NOT NULL,
    topic_name        TEXT,
    blueprint_code    TEXT,
    stem              TEXT        NOT NULL,
    lead_in           TEXT        NOT NULL,
    options_json      TEXT        NOT NULL,   -- [{label, text, correct, explanation}]
    correct_label     CHAR(1)     NOT NULL,
    rationale         TEXT        NOT NULL,
    difficulty        TEXT,
    difficulty_level  SMALLINT,
    option_count      SMALLINT    NOT NULL,
    published_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (item_id, version)
);

-- What is live where: one row per item and exam code, pointing at the live version.
CREATE TABLE pool_entry (
    item_id       UUID    NOT NULL,
    exam_code     TEXT    NOT NULL,
    tenant_id     TEXT    NOT NULL,
    live_version  INT     NOT NULL,
    -- IRT parameters (defaults until analytics calibrates the item) and Sympson–Hetter acceptance
    a             DOUBLE PRECISION NOT NULL DEFAULT 1.0,
    b             DOUBLE PRECISION NOT NULL DEFAULT 0.0,
    c             DOUBLE PRECISION NOT NULL DEFAULT 0.2,
    sh_p          DOUBLE PRECISION NOT NULL DEFAULT 1.0,
    PRIMARY KEY (item_id, exam_code),
    FOREIGN KEY (item_id, live_version) REFERENCES pool_item_version (item_id, version)
);
CREATE INDEX pool_entry_exam ON pool_entry (tenant_id, exam_code);

CREATE TABLE quiz (
    id                  UUID PRIMARY KEY,
    tenant_id           TEXT        NOT NULL,
    user_id             UUID        NOT NULL,
    exam_code           TEXT        NOT NULL,
    mode                TEXT        NOT NULL CHECK (mode IN ('tutor', 'exam')),
    adaptive            BOOLEAN     NOT NULL,
    length              INT         NOT NULL CHECK (length BETWEEN 1 AND 120),
    time_limit_seconds  INT         CHECK (time_limit_seconds > 0),
    status              TEXT        NOT NULL CHECK (status IN ('active', 'completed', 'expired')),
    served              INT         NOT NULL DEFAULT 0,
    answered            INT         NOT NULL DEFAULT 0,
    correct             INT         NOT NULL DEFAULT 0,
    theta               DOUBLE PRECISION NOT NULL DEFAULT 0,
    se                  DOUBLE PRECISION NOT NULL DEFAULT 1,
    started_at          TIMESTAMPTZ NOT NULL,
    expires_at          TIMESTAMPTZ,
    completed_at        TIMESTAMPTZ,
    row_version         BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX quiz_user ON quiz (tenant_id, user_id, started_at DESC);

CREATE TABLE served_item (
    id            UUID PRIMARY KEY,
    quiz_id       UUID        NOT NULL REFERENCES quiz (id),
    position      INT         NOT NULL CHECK (position >= 1),
    item_id       UUID        NOT NULL,
    version       INT         NOT NULL,
    topic_id      UUID        NOT NULL,
    theta_before  DOUBLE PRECISION NOT NULL,
    served_at     TIMESTAMPTZ NOT NULL,
    UNIQUE (quiz_id, position),
    UNIQUE (quiz_id, item_id),                 -- an item never repeats within a quiz
    FOREIGN KEY (item_id, version) REFERENCES pool_item_version (item_id, version)
);

CREATE TABLE response (
    id              UUID PRIMARY KEY,
    quiz_id         UUID        NOT NULL,
    position        INT         NOT NULL,
    tenant_id       TEXT        NOT NULL,
    user_id         UUID        NOT NULL,
    item_id         UUID        NOT NULL,
    version         INT         NOT NULL,
    selected_label  CHAR(1)     NOT NULL,
    correct         BOOLEAN     NOT NULL,
    confidence      SMALLINT    CHECK (confidence BETWEEN 1 AND 5),
    time_taken_ms   BIGINT      NOT NULL CHECK (time_taken_ms >= 0),
    theta_before    DOUBLE PRECISION NOT NULL,
    theta_after     DOUBLE PRECISION NOT NULL,
    se_after        DOUBLE PRECISION NOT NULL,
    answered_at     TIMESTAMPTZ NOT NULL,
    UNIQUE (quiz_id, position),                -- one answer per served position (idempotent retries)
    FOREIGN KEY (quiz_id, position) REFERENCES served_item (quiz_id, position)
);
CREATE INDEX response_user ON response (tenant_id, user_id, answered_at DESC);
