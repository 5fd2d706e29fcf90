-- Review, second slice: learner profiles (scheduler choice, time zone, XP, streak), FSRS state next to SM-2's,
-- the item read model from qbank.items.v1, and review sessions.

-- One row per learner: created with defaults (UTC, SM-2) at the first answer, or by PUT /profile. Its row is
-- also the per-user lock that serialises every schedule change of that user (Kafka answers, session answers,
-- a scheduler switch).
CREATE TABLE review_profile (
    tenant_id          TEXT        NOT NULL,
    user_id            UUID        NOT NULL,
    time_zone          TEXT        NOT NULL DEFAULT 'UTC',
    scheduler          TEXT        NOT NULL DEFAULT 'sm2' CHECK (scheduler IN ('sm2', 'fsrs')),
    desired_retention  DOUBLE PRECISION NOT NULL DEFAULT 0.9 CHECK (desired_retention >= 0.7 AND desired_retention <= 0.99),
    xp                 BIGINT      NOT NULL DEFAULT 0 CHECK (xp >= 0),
    current_streak     INT         NOT NULL DEFAULT 0 CHECK (current_streak >= 0),
    longest_streak     INT         NOT NULL DEFAULT 0 CHECK (longest_streak >= current_streak),
    last_active_day    DATE,                   -- in the learner's time zone
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, user_id)
);

-- Schedules: SM-2 keeps its easiness factor, FSRS its stability and difficulty; the other scheduler's columns are null.
ALTER TABLE review_schedule ALTER COLUMN easiness_factor DROP NOT NULL;
ALTER TABLE review_schedule ADD COLUMN stability DOUBLE PRECISION CHECK (stability > 0);
ALTER TABLE review_schedule ADD COLUMN difficulty DOUBLE PRECISION CHECK (difficulty BETWEEN 1 AND 10);
ALTER TABLE review_schedule ADD CONSTRAINT review_schedule_state CHECK (
    (scheduler = 'sm2' AND easiness_factor IS NOT NULL) OR (scheduler = 'fsrs' AND stability IS NOT NULL AND difficulty IS NOT NULL));
ALTER TABLE review_schedule ALTER COLUMN scheduler DROP DEFAULT;

-- Attempts: what the learner did (the inputs every scheduler is recomputed from) and what the scheduler in use made of it.
ALTER TABLE review_attempt ADD COLUMN interval_days INT;
UPDATE review_attempt SET interval_days = sm2_interval;
ALTER TABLE review_attempt ALTER COLUMN interval_days SET NOT NULL;
ALTER TABLE review_attempt ADD CONSTRAINT review_attempt_interval CHECK (interval_days >= 1);
ALTER TABLE review_attempt ALTER COLUMN sm2_interval DROP NOT NULL;
ALTER TABLE review_attempt ALTER COLUMN sm2_easiness_factor DROP NOT NULL;
ALTER TABLE review_attempt ALTER COLUMN sm2_repetition DROP NOT NULL;
ALTER TABLE review_attempt ADD COLUMN fsrs_stability DOUBLE PRECISION;
ALTER TABLE review_attempt ADD COLUMN fsrs_difficulty DOUBLE PRECISION;
ALTER TABLE review_attempt ADD COLUMN level_at_attempt INT;
ALTER TABLE review_attempt ADD COLUMN early BOOLEAN NOT NULL DEFAULT false;   -- answered before it was due
ALTER TABLE review_attempt ADD COLUMN session_id UUID;                        -- the review session it was answered in

-- The item read model: every published version (answers in a review session are graded with the served version's
-- key) and, per item, where it is live; an item live nowhere has been retired and leaves the due queue.
CREATE TABLE review_item_version (
    item_id        UUID        NOT NULL,
    version        INT         NOT NULL,
    tenant_id      TEXT        NOT NULL,
    topic_id       UUID,
    topic_name     TEXT,
    difficulty     TEXT,
    stem           TEXT        NOT NULL,
    lead_in        TEXT        NOT NULL,
    options        JSONB       NOT NULL,       -- [{label, text, correct, explanation}]
    correct_label  CHAR(1)     NOT NULL,
    rationale      TEXT,
    PRIMARY KEY (item_id, version)
);

CREATE TABLE review_item (
    item_id        UUID        PRIMARY KEY,
    tenant_id      TEXT        NOT NULL,
    live_version   INT,                        -- null: retired everywhere
    exam_codes     TEXT[]      NOT NULL DEFAULT '{}',
    topic_id       UUID,
    topic_path     UUID[]      NOT NULL DEFAULT '{}',   -- root … topic, for subtree filters
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX review_item_topic_path ON review_item USING gin (topic_path);

-- Review sessions: a snapshot of the items to review, served one after the other, each answered once.
CREATE TABLE review_session (
    id            UUID        PRIMARY KEY,
    tenant_id     TEXT        NOT NULL,
    user_id       UUID        NOT NULL,
    topic_id      UUID,
    ahead         BOOLEAN     NOT NULL,        -- review ahead: items not yet due, soonest first
    created_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX review_session_owner ON review_session (tenant_id, user_id, created_at DESC);

CREATE TABLE review_session_item (
    session_id      UUID        NOT NULL REFERENCES review_session (id) ON DELETE CASCADE,
    position        INT         NOT NULL CHECK (position >= 1),
    item_id         UUID        NOT NULL,
    version         INT         NOT NULL,
    served_at       TIMESTAMPTZ,
    attempt_id      UUID,                      -- set once, by the answer
    PRIMARY KEY (session_id, position),
    UNIQUE (session_id, item_id)
);
