-- Seeds :items items into tenant :'tenant' of the authoring database, for deploy/bench/authoring.sh.
-- Deterministic ids (md5 of tenant and number), so a second run adds nothing. 10 root topics with 10 children each;
-- one version per item with four options and a vignette of 25 to 124 words drawn from a medical vocabulary, half of them
-- from the slice of it that belongs to the item's system (so that words of one system meet, as they do in real items);
-- states spread like a real bank (about half published to STEP1, some also STEP2); tags; 1 % of items with an open flag.
-- Every word is drawn by its own hash: a formula linear in item and position would make two words meet at fixed
-- offsets in every item or in none, which no text does.
\set ON_ERROR_STOP on
BEGIN;
-- The listing refresh runs once per item in this one transaction, in which no table gets statistics: a plan of its
-- statements cached while item_term was empty scans all of it for every item (stopped after 20 minutes on a new
-- database; 7.5 minutes with this); planned for each call, they see the table's actual size.
SET LOCAL plan_cache_mode = force_custom_plan;

INSERT INTO topic (id, tenant_id, parent_id, name, blueprint_code, path, created_at)
SELECT md5(:'tenant' || 'root' || r)::uuid, :'tenant', NULL, 'System ' || r, 'SYS-' || r, '/' || md5(:'tenant' || 'root' || r)::uuid || '/', now()
FROM generate_series(1, 10) r
ON CONFLICT DO NOTHING;

INSERT INTO topic (id, tenant_id, parent_id, name, blueprint_code, path, created_at)
SELECT md5(:'tenant' || 'child' || r || '-' || c)::uuid, :'tenant', md5(:'tenant' || 'root' || r)::uuid, 'Subtopic ' || r || '.' || c,
       'SYS-' || r || '-' || c, '/' || md5(:'tenant' || 'root' || r)::uuid || '/' || md5(:'tenant' || 'child' || r || '-' || c)::uuid || '/', now()
FROM generate_series(1, 10) r, generate_series(1, 10) c
ON CONFLICT DO NOTHING;

CREATE TEMP TABLE vocabulary AS SELECT string_to_array(
  'patient presents with chest pain dyspnea fever cough fatigue weight loss nausea vomiting abdominal headache syncope palpitations '
  'hypertension diabetes tachycardia bradycardia murmur edema jaundice anemia rash arthralgia myalgia confusion seizure tremor '
  'hematuria proteinuria oliguria polyuria thirst sweating pallor cyanosis wheezing crackles hepatomegaly splenomegaly lymphadenopathy '
  'infarction ischemia embolism thrombosis dissection stenosis regurgitation pericarditis myocarditis endocarditis cardiomyopathy '
  'pneumonia asthma bronchitis emphysema fibrosis sarcoidosis tuberculosis carcinoma lymphoma leukemia myeloma metastasis '
  'nephritis nephrosis pyelonephritis cystitis glomerulonephritis hepatitis cirrhosis pancreatitis cholecystitis appendicitis colitis '
  'gastritis ulcer hemorrhage stroke migraine meningitis encephalitis neuropathy myasthenia sclerosis parkinsonism dementia delirium '
  'depression anxiety schizophrenia bipolar thyroid adrenal pituitary insulin cortisol aldosterone renin potassium sodium calcium '
  'magnesium phosphate bicarbonate lactate troponin creatinine urea bilirubin albumin ferritin transferrin hemoglobin platelets '
  'neutrophils lymphocytes eosinophils antibody antigen complement vasculitis lupus arthritis gout osteoporosis fracture dislocation '
  'pregnancy preeclampsia eclampsia placenta infant toddler adolescent elderly smoker alcohol cocaine opioid overdose withdrawal', ' ') AS w;

-- a non-negative integer drawn from a text
CREATE FUNCTION pg_temp.draw(seed TEXT) RETURNS INT LANGUAGE sql IMMUTABLE AS $$ SELECT ('x' || left(md5(seed), 7))::bit(28)::int $$;

INSERT INTO item (id, tenant_id, created_by, created_at, latest_version, live_version, row_version)
SELECT md5(:'tenant' || 'item' || n)::uuid, :'tenant', md5(:'tenant' || 'author' || (n % 25))::uuid,
       now() - (n || ' minutes')::interval, 1, CASE WHEN n % 20 < 10 THEN 1 END, 0
FROM generate_series(1, :items) n
ON CONFLICT DO NOTHING;

INSERT INTO item_version (id, item_id, tenant_id, version, state, stem, lead_in, rationale, topic_id, difficulty, difficulty_level,
                          provenance, created_by, created_at, tags, bloom_level, educational_objective)
SELECT md5(:'tenant' || 'version' || n)::uuid, md5(:'tenant' || 'item' || n)::uuid, :'tenant', 1,
       CASE WHEN n % 20 < 10 THEN 'published' WHEN n % 20 < 14 THEN 'draft' WHEN n % 20 < 17 THEN 'in_review'
            WHEN n % 20 < 19 THEN 'approved' ELSE 'retired' END,
       'A ' || (20 + n % 60) || '-year-old ' || CASE WHEN n % 2 = 0 THEN 'woman' ELSE 'man' END || ' '
           || (SELECT string_agg(v.w[CASE WHEN h.x % 2 = 0 THEN 1 + (n % 10) * 14 + (h.x / 2) % 14 ELSE 1 + (h.x / 2) % array_length(v.w, 1) END], ' ')
               FROM vocabulary v, generate_series(1, 25 + pg_temp.draw(n || 'length') % 100) k, LATERAL (SELECT pg_temp.draw(n || '-' || k) AS x) h),
       'Which of the following is the most likely diagnosis?', 'Rationale of item ' || n,
       md5(:'tenant' || 'child' || (1 + n % 10) || '-' || (1 + (n / 10) % 10))::uuid,
       (ARRAY['easy', 'medium', 'hard', 'nbme'])[1 + n % 4], 1 + n % 5, CASE WHEN n % 50 = 0 THEN 'generated' ELSE 'human' END,
       md5(:'tenant' || 'author' || (n % 25))::uuid, now() - (n || ' minutes')::interval,
       ARRAY[(ARRAY['cardiology', 'renal', 'pulmonary', 'neuro', 'endocrine', 'gi', 'heme', 'id', 'psych', 'msk'])[1 + n % 10],
             (ARRAY['emergency', 'outpatient', 'inpatient', 'pediatrics', 'geriatrics'])[1 + n % 5]],
       (ARRAY['remember', 'understand', 'apply', 'analyze'])[1 + n % 4], 'Objective ' || n
FROM generate_series(1, :items) n
ON CONFLICT DO NOTHING;

INSERT INTO item_option (item_version_id, label, text, correct, explanation)
SELECT md5(:'tenant' || 'version' || n)::uuid, l.label,
       (SELECT string_agg(v.w[1 + pg_temp.draw(n || l.label || k) % array_length(v.w, 1)], ' ') FROM vocabulary v, generate_series(1, 3) k),
       l.i = 1 + n % 4, 'Explanation of option ' || l.label
FROM generate_series(1, :items) n, (VALUES (1, 'A'), (2, 'B'), (3, 'C'), (4, 'D')) AS l(i, label)
ON CONFLICT DO NOTHING;

INSERT INTO item_publication (id, item_id, tenant_id, exam_code, live_version, published_at, published_by)
SELECT md5(:'tenant' || 'pub' || n || e)::uuid, md5(:'tenant' || 'item' || n)::uuid, :'tenant', e, 1, now(), md5(:'tenant' || 'publisher')::uuid
FROM generate_series(1, :items) n, unnest(ARRAY['STEP1', 'STEP2']) e
WHERE n % 20 < 10 AND (e = 'STEP1' OR n % 3 = 0)
ON CONFLICT DO NOTHING;

INSERT INTO item_flag (id, item_id, tenant_id, version, flagged_by, reason, source, flagged_at)
SELECT md5(:'tenant' || 'flag' || n)::uuid, md5(:'tenant' || 'item' || n)::uuid, :'tenant', 1, md5('student' || n)::uuid, 'wrong_key', 'delivery', now()
FROM generate_series(1, :items) n WHERE n % 100 = 7
ON CONFLICT DO NOTHING;

-- the listing, then the words' packed lists once for all the items (as a bulk import does)
SELECT listed, apply_term_block_changes() AS packed_rows
FROM (SELECT count(refresh_item_listing(id)) AS listed FROM item WHERE tenant_id = :'tenant' AND latest_state IS NULL) refreshed;
COMMIT;
ANALYZE topic;
ANALYZE item;
ANALYZE item_version;
ANALYZE item_option;
