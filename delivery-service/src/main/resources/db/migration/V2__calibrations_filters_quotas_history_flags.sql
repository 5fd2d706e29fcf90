-- Delivery V2: calibrations and exposure parameters from qbank.calibration.v1, a pool revision per exam for the
-- service's in-memory pool snapshots, quiz filters, blueprint quotas, an SE stopping target and the ability posterior,
-- the learner's item history (only unused / previously incorrect / flagged-by-me), and flags.

-- Topic ids from the root down, for subtree filters and quotas.
ALTER TABLE pool_item_version ADD COLUMN topic_path UUID[] NOT NULL DEFAULT '{}';

-- IRT parameters and Sympson–Hetter acceptance now live per item version in their own tables, so that a calibration
-- may arrive before or after its version is published, and a new version starts from its own defaults.
ALTER TABLE pool_entry DROP COLUMN a, DROP COLUMN b, DROP COLUMN c, DROP COLUMN sh_p;

CREATE TABLE item_calibration (
    item_id        UUID             NOT NULL,
    version        INT              NOT NULL,
    tenant_id      TEXT             NOT NULL,
    model          TEXT             NOT NULL CHECK (model IN ('2PL', '3PL')),
    a              DOUBLE PRECISION NOT NULL CHECK (a > 0),
    b              DOUBLE PRECISION NOT NULL,
    c              DOUBLE PRECISION NOT NULL CHECK (c >= 0 AND c < 1),
    se_a           DOUBLE PRECISION,
    se_b           DOUBLE PRECISION,
    se_c           DOUBLE PRECISION,
    respondents    INT              NOT NULL,
    calibrated_at  TIMESTAMPTZ      NOT NULL,
    PRIMARY KEY (item_id, version)
);

CREATE TABLE item_exposure_control (
    item_id      UUID             NOT NULL,
    version      INT              NOT NULL,
    tenant_id    TEXT             NOT NULL,
    sh_p         DOUBLE PRECISION NOT NULL CHECK (sh_p > 0 AND sh_p <= 1),
    target_rate  DOUBLE PRECISION NOT NULL,
    updated_at   TIMESTAMPTZ      NOT NULL,
    PRIMARY KEY (item_id, version)
);

-- Bumped by every change to an exam's pool (publication, retirement, calibration, exposure parameters): a service
-- replica reloads its snapshot of the pool when the revision moves.
CREATE TABLE pool_revision (
    tenant_id  TEXT   NOT NULL,
    exam_code  TEXT   NOT NULL,
    revision   BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, exam_code)
);
INSERT INTO pool_revision (tenant_id, exam_code, revision) SELECT DISTINCT tenant_id, exam_code, 1 FROM pool_entry;

ALTER TABLE quiz
    ADD COLUMN topic_ids          UUID[],
    ADD COLUMN difficulties       TEXT[],
    ADD COLUMN history            TEXT CHECK (history IN ('unused', 'incorrect', 'flagged')),
    ADD COLUMN quota_topic_ids    UUID[] NOT NULL DEFAULT '{}',
    ADD COLUMN quota_required     INT[]  NOT NULL DEFAULT '{}',
    ADD COLUMN quota_served       INT[]  NOT NULL DEFAULT '{}',
    ADD COLUMN se_target          DOUBLE PRECISION CHECK (se_target > 0),
    ADD COLUMN posterior          DOUBLE PRECISION[],
    ADD COLUMN served_item_ids    UUID[] NOT NULL DEFAULT '{}',
    ADD COLUMN set_aside_item_ids UUID[] NOT NULL DEFAULT '{}';
CREATE INDEX quiz_deadline ON quiz (expires_at) WHERE status = 'active' AND expires_at IS NOT NULL;
UPDATE quiz q SET served_item_ids = array(SELECT s.item_id FROM served_item s WHERE s.quiz_id = q.id ORDER BY s.position);

-- What a learner has seen, got wrong and flagged, per item (any version): the quiz filters read it.
CREATE TABLE learner_item (
    tenant_id        TEXT        NOT NULL,
    user_id          UUID        NOT NULL,
    item_id          UUID        NOT NULL,
    first_served_at  TIMESTAMPTZ NOT NULL,
    last_correct     BOOLEAN,
    flagged_at       TIMESTAMPTZ,
    PRIMARY KEY (tenant_id, user_id, item_id)
);
INSERT INTO learner_item (tenant_id, user_id, item_id, first_served_at, last_correct)
SELECT q.tenant_id, q.user_id, s.item_id, min(s.served_at),
       (array_agg(r.correct ORDER BY r.answered_at DESC) FILTER (WHERE r.id IS NOT NULL))[1]
  FROM served_item s JOIN quiz q ON q.id = s.quiz_id
  LEFT JOIN response r ON r.quiz_id = s.quiz_id AND r.position = s.position
 GROUP BY q.tenant_id, q.user_id, s.item_id;

-- A student's flag on an item served in one of their quizzes; one per quiz position.
CREATE TABLE item_flag (
    id          UUID PRIMARY KEY,
    tenant_id   TEXT        NOT NULL,
    user_id     UUID        NOT NULL,
    quiz_id     UUID        NOT NULL,
    position    INT         NOT NULL,
    item_id     UUID        NOT NULL,
    version     INT         NOT NULL,
    reason      TEXT        NOT NULL,
    comment     TEXT,
    flagged_at  TIMESTAMPTZ NOT NULL,
    UNIQUE (quiz_id, position),
    FOREIGN KEY (quiz_id, position) REFERENCES served_item (quiz_id, position)
);
