-- Analytics: the response fact table (one row per AnswerSubmitted) and the cohort rollup per tenant and
-- UTC day, updated incrementally in the same transaction as the fact.

CREATE TABLE response_fact (
    response_id    UUID PRIMARY KEY,
    event_id       UUID        NOT NULL UNIQUE,
    tenant_id      TEXT        NOT NULL,
    cohort         TEXT        NOT NULL DEFAULT 'all',
    user_id        UUID        NOT NULL,
    quiz_id        UUID        NOT NULL,
    position       INT         NOT NULL,
    item_id        UUID        NOT NULL,
    version        INT         NOT NULL,
    topic_id       UUID,
    exam_code      TEXT,
    selected_label CHAR(1),
    correct        BOOLEAN     NOT NULL,
    confidence     SMALLINT,
    time_taken_ms  BIGINT      NOT NULL,
    theta_after    DOUBLE PRECISION,
    mode           TEXT,
    answered_at    TIMESTAMPTZ NOT NULL,
    day            DATE        NOT NULL
);
CREATE INDEX response_fact_tenant_day ON response_fact (tenant_id, day);
CREATE INDEX response_fact_item ON response_fact (item_id, version);
CREATE INDEX response_fact_user ON response_fact (tenant_id, user_id);

CREATE TABLE cohort_daily (
    tenant_id      TEXT   NOT NULL,
    cohort         TEXT   NOT NULL,
    day            DATE   NOT NULL,
    attempts       BIGINT NOT NULL DEFAULT 0,
    correct        BIGINT NOT NULL DEFAULT 0,
    time_total_ms  BIGINT NOT NULL DEFAULT 0,
    active_users   BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, cohort, day)
);

-- Who was active on a day: makes active_users an incremental count (first answer of the user that day).
CREATE TABLE cohort_daily_user (
    tenant_id  TEXT NOT NULL,
    cohort     TEXT NOT NULL,
    day        DATE NOT NULL,
    user_id    UUID NOT NULL,
    PRIMARY KEY (tenant_id, cohort, day, user_id)
);
