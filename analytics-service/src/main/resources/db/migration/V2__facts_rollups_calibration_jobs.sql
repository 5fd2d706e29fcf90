-- Analytics v2: every topic the service reads lands in a fact table (keyed by the business id, so a re-sent event
-- under a new ce_id counts once), and each batch adds to its rollups in the same statement: nothing is recomputed
-- from the facts per request.

-- Who belongs to which cohort (kept by tenant admins); an answer is counted in its user's cohort at the time.
CREATE TABLE cohort_member (
    tenant_id   TEXT        NOT NULL,
    user_id     UUID        NOT NULL,
    cohort      TEXT        NOT NULL,
    assigned_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, user_id)
);
ALTER TABLE response_fact ALTER COLUMN cohort SET DEFAULT 'unassigned';
UPDATE response_fact SET cohort = 'unassigned' WHERE cohort = 'all';
UPDATE cohort_daily SET cohort = 'unassigned' WHERE cohort = 'all';
UPDATE cohort_daily_user SET cohort = 'unassigned' WHERE cohort = 'all';

CREATE INDEX response_fact_quiz ON response_fact (quiz_id);
-- Every index is paid by each ingested answer: reads go to the rollups, so only the lookups the ingest and the jobs make
-- stay (response id, quiz, item version). processed_event already refuses a ce_id seen before.
DROP INDEX response_fact_tenant_day;
DROP INDEX response_fact_user;
ALTER TABLE response_fact DROP CONSTRAINT response_fact_event_id_key;

CREATE TABLE quiz_fact (
    quiz_id      UUID PRIMARY KEY,
    tenant_id    TEXT        NOT NULL,
    user_id      UUID        NOT NULL,
    exam_code    TEXT,
    mode         TEXT,
    adaptive     BOOLEAN,
    length       INT,
    started_at   TIMESTAMPTZ,
    completed_at TIMESTAMPTZ,
    answered     INT,
    correct      INT,
    theta        DOUBLE PRECISION,
    se           DOUBLE PRECISION,
    reason       TEXT,
    -- the answers recorded for the quiz when it completed: an answer's rest score (the share correct among the quiz's
    -- other answers) is (recorded_correct − correct) / (recorded_answers − 1), the criterion of the classical
    -- discrimination indices for linear quizzes (in an adaptive quiz everybody scores about half)
    recorded_answers INT,
    recorded_correct INT
);
CREATE INDEX quiz_fact_tenant_exam ON quiz_fact (tenant_id, exam_code);

CREATE TABLE served_fact (
    quiz_id    UUID        NOT NULL,
    position   INT         NOT NULL,
    tenant_id  TEXT        NOT NULL,
    item_id    UUID        NOT NULL,
    version    INT         NOT NULL,
    exam_code  TEXT        NOT NULL,
    served_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (quiz_id, position)
);

-- Quizzes started per exam: the denominator of an item's exposure rate.
CREATE TABLE exam_quizzes (
    tenant_id  TEXT   NOT NULL,
    exam_code  TEXT   NOT NULL,
    quizzes    BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, exam_code)
);

CREATE TABLE item_exam_served (
    tenant_id  TEXT   NOT NULL,
    item_id    UUID   NOT NULL,
    version    INT    NOT NULL,
    exam_code  TEXT   NOT NULL,
    served     BIGINT NOT NULL,
    PRIMARY KEY (item_id, version, exam_code)
);

-- The published versions (from qbank.items.v1): what an item is, where it is live, its topic path for roll-ups.
CREATE TABLE item_dim (
    item_id       UUID        NOT NULL,
    version       INT         NOT NULL,
    tenant_id     TEXT        NOT NULL,
    topic_id      UUID,
    topic_name    TEXT,
    topic_path    UUID[]      NOT NULL DEFAULT '{}',
    exam_codes    TEXT[]      NOT NULL DEFAULT '{}',
    difficulty    TEXT,
    difficulty_level SMALLINT,
    option_count  SMALLINT,
    correct_label CHAR(1),
    published_at  TIMESTAMPTZ,
    retired_at    TIMESTAMPTZ,
    PRIMARY KEY (item_id, version)
);
CREATE INDEX item_dim_tenant ON item_dim (tenant_id);

CREATE TABLE item_flag (
    flag_id    UUID PRIMARY KEY,
    tenant_id  TEXT        NOT NULL,
    item_id    UUID        NOT NULL,
    version    INT         NOT NULL,
    user_id    UUID        NOT NULL,
    reason     TEXT        NOT NULL,
    source     TEXT,
    flagged_at TIMESTAMPTZ NOT NULL
);

-- Classical statistics per item version. The point-biserial is kept as running sums over scored responses
-- (x = correct, s = rest score), r = (nΣxs − ΣxΣs) / √((nΣx − (Σx)²)(nΣs² − (Σs)²)).
CREATE TABLE item_version_stats (
    tenant_id       TEXT             NOT NULL,
    item_id         UUID             NOT NULL,
    version         INT              NOT NULL,
    attempts        BIGINT           NOT NULL DEFAULT 0,
    correct         BIGINT           NOT NULL DEFAULT 0,
    time_total_ms   BIGINT           NOT NULL DEFAULT 0,
    chose_a         BIGINT           NOT NULL DEFAULT 0,
    chose_b         BIGINT           NOT NULL DEFAULT 0,
    chose_c         BIGINT           NOT NULL DEFAULT 0,
    chose_d         BIGINT           NOT NULL DEFAULT 0,
    chose_e         BIGINT           NOT NULL DEFAULT 0,
    flags           BIGINT           NOT NULL DEFAULT 0,
    scored          BIGINT           NOT NULL DEFAULT 0,
    scored_correct  BIGINT           NOT NULL DEFAULT 0,
    sum_rest        DOUBLE PRECISION NOT NULL DEFAULT 0,
    sum_rest_sq     DOUBLE PRECISION NOT NULL DEFAULT 0,
    sum_correct_rest DOUBLE PRECISION NOT NULL DEFAULT 0,
    PRIMARY KEY (item_id, version)
);
CREATE INDEX item_version_stats_tenant ON item_version_stats (tenant_id);

-- Linear quizzes with the same answered items form a test form; KR-20 per form from running sums.
CREATE TABLE linear_form (
    tenant_id     TEXT             NOT NULL,
    form_key      TEXT             NOT NULL,
    exam_code     TEXT             NOT NULL,
    items         INT              NOT NULL,
    examinees     BIGINT           NOT NULL,
    sum_score     DOUBLE PRECISION NOT NULL,
    sum_score_sq  DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (tenant_id, form_key)
);
CREATE TABLE linear_form_item (
    tenant_id  TEXT   NOT NULL,
    form_key   TEXT   NOT NULL,
    item_id    UUID   NOT NULL,
    version    INT    NOT NULL,
    correct    BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, form_key, item_id, version)
);

-- Mastery per student and topic; every topic on the item's path counts the answer, so "Cardiology" includes its subtopics.
CREATE TABLE student_topic (
    tenant_id        TEXT        NOT NULL,
    user_id          UUID        NOT NULL,
    topic_id         UUID        NOT NULL,
    attempts         BIGINT      NOT NULL,
    correct          BIGINT      NOT NULL,
    last_answered_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tenant_id, user_id, topic_id)
);

CREATE TABLE student_summary (
    tenant_id        TEXT             NOT NULL,
    user_id          UUID             NOT NULL,
    attempts         BIGINT           NOT NULL,
    correct          BIGINT           NOT NULL,
    theta            DOUBLE PRECISION,
    last_answered_at TIMESTAMPTZ      NOT NULL,
    PRIMARY KEY (tenant_id, user_id)
);

CREATE TABLE review_fact (
    attempt_id  UUID PRIMARY KEY,
    tenant_id   TEXT        NOT NULL,
    user_id     UUID        NOT NULL,
    item_id     UUID        NOT NULL,
    version     INT         NOT NULL,
    scheduler   TEXT        NOT NULL,
    quality     INT         NOT NULL,
    correct     BOOLEAN     NOT NULL,
    source      TEXT        NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE review_daily (
    tenant_id  TEXT   NOT NULL,
    scheduler  TEXT   NOT NULL,
    source     TEXT   NOT NULL,
    day        DATE   NOT NULL,
    reviews    BIGINT NOT NULL,
    recalled   BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, scheduler, source, day)
);

-- Long jobs (calibration, Sympson–Hetter): state, progress and the outcome, kept as their history.
CREATE TABLE analytics_job (
    job_id       UUID PRIMARY KEY,
    tenant_id    TEXT        NOT NULL,
    kind         TEXT        NOT NULL CHECK (kind IN ('calibration', 'exposure-control')),
    state        TEXT        NOT NULL CHECK (state IN ('queued', 'running', 'succeeded', 'failed')),
    requested_by TEXT        NOT NULL,
    parameters   JSONB       NOT NULL,
    progress     JSONB,
    result       JSONB,
    error        TEXT,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    started_at   TIMESTAMPTZ,
    finished_at  TIMESTAMPTZ
);
CREATE INDEX analytics_job_tenant ON analytics_job (tenant_id, created_at DESC);
-- one running job of a kind per tenant
CREATE UNIQUE INDEX analytics_job_one_active ON analytics_job (tenant_id, kind) WHERE state IN ('queued', 'running');

CREATE TABLE item_calibration (
    item_id       UUID             NOT NULL,
    version       INT              NOT NULL,
    tenant_id     TEXT             NOT NULL,
    model         TEXT             NOT NULL,
    a             DOUBLE PRECISION NOT NULL,
    b             DOUBLE PRECISION NOT NULL,
    c             DOUBLE PRECISION NOT NULL,
    se_a          DOUBLE PRECISION,
    se_b          DOUBLE PRECISION,
    se_c          DOUBLE PRECISION,
    respondents   INT              NOT NULL,
    calibrated_at TIMESTAMPTZ      NOT NULL,
    job_id        UUID             NOT NULL,
    PRIMARY KEY (item_id, version)
);
CREATE INDEX item_calibration_tenant ON item_calibration (tenant_id);

CREATE TABLE item_exposure_control (
    item_id     UUID             NOT NULL,
    version     INT              NOT NULL,
    tenant_id   TEXT             NOT NULL,
    sh_p        DOUBLE PRECISION NOT NULL,
    target_rate DOUBLE PRECISION NOT NULL,
    updated_at  TIMESTAMPTZ      NOT NULL,
    job_id      UUID             NOT NULL,
    PRIMARY KEY (item_id, version)
);
