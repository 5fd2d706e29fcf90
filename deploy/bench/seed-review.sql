-- Seeds the review database for deploy/bench/review.sh: :users learners of tenant :'tenant', each with :per_user
-- schedules over a bank of :items live items, and two attempts per schedule (users × per_user × 2 attempts in the
-- partitioned log). Deterministic ids (md5 of tenant and number); due dates spread from 30 days ago to 60 days ahead,
-- so about a third of every learner's items is due.
\set ON_ERROR_STOP on
BEGIN;

INSERT INTO review_item_version (item_id, version, tenant_id, topic_id, topic_name, difficulty, stem, lead_in, options, correct_label, rationale)
SELECT md5(:'tenant' || 'item' || i)::uuid, 1, :'tenant', md5(:'tenant' || 'topic' || (i % 20))::uuid, 'Topic ' || (i % 20),
       (ARRAY['easy', 'medium', 'hard', 'nbme'])[1 + i % 4], 'A 54-year-old man presents with item ' || i, 'Which is the most likely diagnosis?',
       '[{"label":"A","text":"One","correct":true,"explanation":"Right."},{"label":"B","text":"Two","correct":false,"explanation":"No."},'
       '{"label":"C","text":"Three","correct":false,"explanation":"No."},{"label":"D","text":"Four","correct":false,"explanation":"No."}]',
       'A', 'Because.'
FROM generate_series(0, :items - 1) i
ON CONFLICT DO NOTHING;

INSERT INTO review_item (item_id, tenant_id, live_version, exam_codes, topic_id, topic_path)
SELECT md5(:'tenant' || 'item' || i)::uuid, :'tenant', 1, ARRAY['STEP1'], md5(:'tenant' || 'topic' || (i % 20))::uuid,
       ARRAY[md5(:'tenant' || 'root' || (i % 4))::uuid, md5(:'tenant' || 'topic' || (i % 20))::uuid]
FROM generate_series(0, :items - 1) i
ON CONFLICT DO NOTHING;

INSERT INTO review_profile (tenant_id, user_id)
SELECT :'tenant', md5(:'tenant' || 'user' || u)::uuid FROM generate_series(1, :users) u
ON CONFLICT DO NOTHING;

-- (u + k·37) mod items is a different item for each k < items: 37 is prime to the bank size used here
CREATE TEMP TABLE plan AS
SELECT md5(:'tenant' || 'user' || u)::uuid AS user_id, md5(:'tenant' || 'item' || ((u + k * 37) % :items))::uuid AS item_id,
       md5(:'tenant' || 'topic' || (((u + k * 37) % :items) % 20))::uuid AS topic_id,
       now() - interval '30 days' + (((u * 7919 + k * 104729) % 90) * interval '1 day') + ((u + k) % 1440) * interval '1 minute' AS due_at
FROM generate_series(1, :users) u, generate_series(1, :per_user) k;

INSERT INTO review_schedule (tenant_id, user_id, item_id, version, topic_id, scheduler, repetition, easiness_factor, interval_days, due_at,
       review_status, attempts, lapses, last_answered_at)
SELECT :'tenant', user_id, item_id, 1, topic_id, 'sm2', 2, 2.5, 6, due_at, 'learning', 2, 0, due_at - interval '6 days'
FROM plan
ON CONFLICT DO NOTHING;

INSERT INTO review_attempt (id, tenant_id, user_id, item_id, version, source, selected_label, correct, confidence, time_taken_ms, quality,
       xp_earned, scheduler, interval_days, sm2_interval, sm2_easiness_factor, sm2_repetition, next_review_at, review_status, answered_at)
SELECT md5(user_id::text || item_id::text || r)::uuid, :'tenant', user_id, item_id, 1, 'delivery', 'A', true, 4, 30000, 5, 18, 'sm2',
       CASE r WHEN 1 THEN 1 ELSE 6 END, CASE r WHEN 1 THEN 1 ELSE 6 END, 2.5, r, due_at - (7 - r) * interval '1 day',
       'learning', due_at - (8 - r) * interval '1 day'
FROM plan, generate_series(1, 2) r
ON CONFLICT DO NOTHING;

COMMIT;
ANALYZE review_schedule;
ANALYZE review_attempt;
ANALYZE review_item;
