-- Seeds the delivery database for deploy/bench/delivery.sh: a pool of :items calibrated items live for exam :'exam' of
-- tenant :'tenant' (deterministic ids: md5 of tenant and number), under 4 root topics × 20 topics, a tenth of them with a
-- Sympson–Hetter acceptance below 1. A second run adds nothing.
\set ON_ERROR_STOP on
BEGIN;

INSERT INTO pool_item_version (item_id, version, tenant_id, topic_id, topic_name, blueprint_code, stem, lead_in, options_json, correct_label,
       rationale, difficulty, difficulty_level, option_count, published_at, topic_path)
SELECT md5(:'tenant' || 'item' || i)::uuid, 1, :'tenant', md5(:'tenant' || 'topic' || (i % 20))::uuid, 'Topic ' || (i % 20), 'BP' || (i % 20),
       'A 54-year-old man presents with crushing chest pain radiating to the left arm for 40 minutes (item ' || i || ').',
       'Which is the most likely diagnosis?',
       '[{"label":"A","text":"One","correct":true,"explanation":"Right."},{"label":"B","text":"Two","correct":false,"explanation":"No."},'
       '{"label":"C","text":"Three","correct":false,"explanation":"No."},{"label":"D","text":"Four","correct":false,"explanation":"No."},'
       '{"label":"E","text":"Five","correct":false,"explanation":"No."}]',
       'A', 'Because.', (ARRAY['easy', 'medium', 'hard', 'nbme'])[1 + i % 4], 1 + i % 5, 5, now(),
       ARRAY[md5(:'tenant' || 'root' || (i % 4))::uuid, md5(:'tenant' || 'topic' || (i % 20))::uuid]
FROM generate_series(0, :items - 1) i
ON CONFLICT DO NOTHING;

INSERT INTO pool_entry (item_id, exam_code, tenant_id, live_version)
SELECT md5(:'tenant' || 'item' || i)::uuid, :'exam', :'tenant', 1 FROM generate_series(0, :items - 1) i
ON CONFLICT DO NOTHING;

-- a spread of discriminations 0.6–2.0 and difficulties −2.5…+2.5, guessing 0.15–0.25
INSERT INTO item_calibration (item_id, version, tenant_id, model, a, b, c, respondents, calibrated_at)
SELECT md5(:'tenant' || 'item' || i)::uuid, 1, :'tenant', '3PL', 0.6 + (i * 37 % 15) / 10.0, ((i * 7919) % 501) / 100.0 - 2.5,
       0.15 + (i % 11) / 100.0, 1000, now()
FROM generate_series(0, :items - 1) i
ON CONFLICT DO NOTHING;

INSERT INTO item_exposure_control (item_id, version, tenant_id, sh_p, target_rate, updated_at)
SELECT md5(:'tenant' || 'item' || i)::uuid, 1, :'tenant', 0.3 + (i % 7) / 10.0, 0.25, now()
FROM generate_series(0, :items - 1) i WHERE i % 10 = 0
ON CONFLICT DO NOTHING;

INSERT INTO pool_revision (tenant_id, exam_code, revision) VALUES (:'tenant', :'exam', 1)
ON CONFLICT (tenant_id, exam_code) DO UPDATE SET revision = pool_revision.revision + 1;

COMMIT;
