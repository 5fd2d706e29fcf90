-- Reviews of learners' personal questions (ReviewRecorded.personal) count in retention apart from the bank's, and never
-- in any item's statistics. A removed personal question (qbank.personal.v1) takes its review facts and their share of
-- the daily rollup with it, and is remembered, so that a review of it still on its way is not counted afterwards.
ALTER TABLE review_fact ADD COLUMN personal BOOLEAN NOT NULL DEFAULT false;
CREATE INDEX review_fact_personal_item ON review_fact (tenant_id, user_id, item_id) WHERE personal;

ALTER TABLE review_daily ADD COLUMN personal BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE review_daily DROP CONSTRAINT review_daily_pkey;
ALTER TABLE review_daily ADD PRIMARY KEY (tenant_id, scheduler, source, personal, day);

CREATE TABLE removed_personal_item (
    item_id     UUID PRIMARY KEY,
    tenant_id   TEXT        NOT NULL,
    removed_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
