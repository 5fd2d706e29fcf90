-- Review: the attempts log (source of truth, hash-partitioned by user as in the seed) and the current
-- schedule per (tenant, user, item).

CREATE TABLE review_attempt (
    id                   UUID        NOT NULL,
    tenant_id            TEXT        NOT NULL,
    user_id              UUID        NOT NULL,
    item_id              UUID        NOT NULL,
    version              INT         NOT NULL,
    source               TEXT        NOT NULL CHECK (source IN ('delivery', 'review')),
    source_event_id      UUID,                 -- the AnswerSubmitted ce_id it came from
    selected_label       CHAR(1),
    correct              BOOLEAN     NOT NULL,
    confidence           SMALLINT    NOT NULL CHECK (confidence BETWEEN 1 AND 5),
    time_taken_ms        BIGINT      NOT NULL CHECK (time_taken_ms >= 0),
    quality              SMALLINT    NOT NULL CHECK (quality BETWEEN 0 AND 5),
    xp_earned            INT         NOT NULL DEFAULT 0,
    scheduler            TEXT        NOT NULL CHECK (scheduler IN ('sm2', 'fsrs')),
    sm2_interval         INT         NOT NULL CHECK (sm2_interval >= 1),
    sm2_easiness_factor  DOUBLE PRECISION NOT NULL CHECK (sm2_easiness_factor >= 1.3),   -- floor 1.3, no ceiling
    sm2_repetition       INT         NOT NULL CHECK (sm2_repetition >= 0),
    next_review_at       TIMESTAMPTZ NOT NULL,
    review_status        TEXT        NOT NULL CHECK (review_status IN ('new', 'learning', 'reviewing', 'mastered')),
    answered_at          TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, id)
) PARTITION BY HASH (user_id);

CREATE TABLE review_attempt_p0 PARTITION OF review_attempt FOR VALUES WITH (MODULUS 8, REMAINDER 0);
CREATE TABLE review_attempt_p1 PARTITION OF review_attempt FOR VALUES WITH (MODULUS 8, REMAINDER 1);
CREATE TABLE review_attempt_p2 PARTITION OF review_attempt FOR VALUES WITH (MODULUS 8, REMAINDER 2);
CREATE TABLE review_attempt_p3 PARTITION OF review_attempt FOR VALUES WITH (MODULUS 8, REMAINDER 3);
CREATE TABLE review_attempt_p4 PARTITION OF review_attempt FOR VALUES WITH (MODULUS 8, REMAINDER 4);
CREATE TABLE review_attempt_p5 PARTITION OF review_attempt FOR VALUES WITH (MODULUS 8, REMAINDER 5);
CREATE TABLE review_attempt_p6 PARTITION OF review_attempt FOR VALUES WITH (MODULUS 8, REMAINDER 6);
CREATE TABLE review_attempt_p7 PARTITION OF review_attempt FOR VALUES WITH (MODULUS 8, REMAINDER 7);

CREATE INDEX review_attempt_item ON review_attempt (item_id);
CREATE INDEX review_attempt_user_item ON review_attempt (user_id, item_id, answered_at);
CREATE INDEX review_attempt_next_review ON review_attempt (user_id, next_review_at) WHERE review_status <> 'mastered';

CREATE TABLE review_schedule (
    tenant_id         TEXT        NOT NULL,
    user_id           UUID        NOT NULL,
    item_id           UUID        NOT NULL,
    version           INT         NOT NULL,    -- the version last answered
    topic_id          UUID,
    scheduler         TEXT        NOT NULL DEFAULT 'sm2' CHECK (scheduler IN ('sm2', 'fsrs')),
    repetition        INT         NOT NULL CHECK (repetition >= 0),
    easiness_factor   DOUBLE PRECISION NOT NULL CHECK (easiness_factor >= 1.3),
    interval_days     INT         NOT NULL CHECK (interval_days >= 1),
    due_at            TIMESTAMPTZ NOT NULL,
    review_status     TEXT        NOT NULL CHECK (review_status IN ('new', 'learning', 'reviewing', 'mastered')),
    attempts          INT         NOT NULL DEFAULT 0,
    lapses            INT         NOT NULL DEFAULT 0,
    last_answered_at  TIMESTAMPTZ NOT NULL,
    row_version       BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, user_id, item_id)
);
CREATE INDEX review_schedule_due ON review_schedule (tenant_id, user_id, due_at);
