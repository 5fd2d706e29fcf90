-- Relevance as BM25 over impact-ordered term lists. A search sorted by relevance used to rank every match (26,000 for a
-- common word in 100,000 items: 110-190 ms, whatever the index); with each word's items listed best first, it reads
-- the heads of its words' lists and stops as soon as nothing further down can still make the page (Fagin's threshold
-- algorithm: ItemSearch and RelevanceTopK).
--
-- The impact of a word in an item is BM25's term part, times 100 and rounded: tf (2.2) / (tf + 1.2 (0.25 + 0.75 dl/100)),
-- where tf counts the word's occurrences weighted by field (lead-in 2.5, stem 1, options 0.5) and dl is the item's
-- length in words. The length that counts as average is a constant (100), not the bank's: an impact must not change
-- when other items do. The word's weight (idf) is applied at query time.
CREATE FUNCTION search_impacts(doc TSVECTOR) RETURNS TABLE (lexeme TEXT, impact SMALLINT)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT w.lexeme, greatest(1, round(100 * w.tf * 2.2 / (w.tf + 1.2 * (0.25 + 0.75 * sum(w.n) OVER () / 100.0))))::SMALLINT
    FROM (SELECT u.lexeme, cardinality(u.positions) AS n,
                 (SELECT sum(CASE f WHEN 'A' THEN 10 WHEN 'B' THEN 4 WHEN 'C' THEN 2 ELSE 1 END) FROM unnest(u.weights) f) / 4.0 AS tf
          FROM unnest(doc) u) w
$$;

-- One row per word of a tenant, so that the lists are keyed by a small integer.
CREATE TABLE search_term (
    id        SERIAL PRIMARY KEY,
    tenant_id TEXT NOT NULL,
    lexeme    TEXT NOT NULL,
    UNIQUE (tenant_id, lexeme)
);

-- The item's words and their impacts, ordered by term id: an item met in a list is scored from its own row.
ALTER TABLE item
    ADD COLUMN search_terms   INT[],
    ADD COLUMN search_impacts SMALLINT[];

-- The lists, read only through their index: best first, then in the list's default order (latest change first).
CREATE TABLE item_term (
    term_id    INT         NOT NULL,
    impact     SMALLINT    NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    item_id    UUID        NOT NULL
);
ALTER TABLE item_term SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_insert_scale_factor = 0.01);

INSERT INTO search_term (tenant_id, lexeme)
SELECT DISTINCT i.tenant_id, s.lexeme FROM item i CROSS JOIN LATERAL search_impacts(i.search) s WHERE i.latest_state IS NOT NULL;
UPDATE item i SET (search_terms, search_impacts) = (
    SELECT array_agg(st.id ORDER BY st.id), array_agg(s.impact ORDER BY st.id)
    FROM search_impacts(i.search) s JOIN search_term st ON st.tenant_id = i.tenant_id AND st.lexeme = s.lexeme)
WHERE i.latest_state IS NOT NULL;
INSERT INTO item_term (term_id, impact, updated_at, item_id)
SELECT w.term_id, w.impact, i.updated_at, i.id FROM item i CROSS JOIN LATERAL unnest(i.search_terms, i.search_impacts) AS w (term_id, impact);
CREATE INDEX item_term_impact ON item_term (term_id, impact DESC, updated_at DESC, item_id);

-- The listing refresh keeps the words and the lists too: it removes the item's entries by their exact keys (its words,
-- impacts and time before the change), then adds the new ones.
CREATE OR REPLACE FUNCTION refresh_item_listing(p_item UUID) RETURNS INT LANGUAGE plpgsql AS $$
DECLARE
    doc       TSVECTOR;
    refreshed INT;
BEGIN
    -- the keys to remove are read from the row this transaction changes: no one else may change it in between
    DELETE FROM item_term e
    USING (SELECT * FROM item WHERE id = p_item FOR UPDATE) i CROSS JOIN LATERAL unnest(i.search_terms, i.search_impacts) AS w (term_id, impact)
    WHERE e.term_id = w.term_id AND e.impact = w.impact AND e.updated_at = i.updated_at AND e.item_id = i.id;

    SELECT setweight(to_tsvector('english', v.lead_in), 'A')
           || setweight(to_tsvector('english', v.stem), 'B')
           || setweight(to_tsvector('english', coalesce((SELECT string_agg(o.text, ' ') FROM item_option o
                                                         WHERE o.item_version_id = v.id), '')), 'C')
    INTO doc
    FROM item i JOIN item_version v ON v.item_id = i.id AND v.version = i.latest_version
    WHERE i.id = p_item;

    -- in word order, so that two transactions adding the same new words wait for each other instead of deadlocking
    INSERT INTO search_term (tenant_id, lexeme)
    SELECT i.tenant_id, s.lexeme FROM item i CROSS JOIN LATERAL search_impacts(doc) s WHERE i.id = p_item ORDER BY s.lexeme
    ON CONFLICT DO NOTHING;

    UPDATE item i
    SET latest_state     = v.state,
        topic_id         = v.topic_id,
        topic_path       = t.path,
        difficulty       = v.difficulty,
        difficulty_level = v.difficulty_level,
        tags             = v.tags,
        provenance       = v.provenance,
        author_id        = v.created_by,
        exam_codes       = coalesce((SELECT array_agg(p.exam_code ORDER BY p.exam_code) FROM item_publication p
                                     WHERE p.item_id = i.id AND p.retired_at IS NULL), '{}'),
        open_flags       = (SELECT count(*) FROM item_flag f WHERE f.item_id = i.id AND f.resolved_at IS NULL),
        stem_preview     = left(v.stem, 280),
        lead_in          = v.lead_in,
        search           = doc,
        (search_terms, search_impacts) = (SELECT array_agg(st.id ORDER BY st.id), array_agg(s.impact ORDER BY st.id)
                                          FROM search_impacts(doc) s JOIN search_term st ON st.tenant_id = i.tenant_id AND st.lexeme = s.lexeme),
        updated_at       = now()
    FROM item_version v JOIN topic t ON t.id = v.topic_id
    WHERE i.id = p_item AND v.item_id = i.id AND v.version = i.latest_version;
    GET DIAGNOSTICS refreshed = ROW_COUNT;

    INSERT INTO item_term (term_id, impact, updated_at, item_id)
    SELECT w.term_id, w.impact, i.updated_at, i.id
    FROM item i CROSS JOIN LATERAL unnest(i.search_terms, i.search_impacts) AS w (term_id, impact)
    WHERE i.id = p_item;
    RETURN refreshed;
END
$$;

-- the rum index of the first V4, where a database still has it: nothing orders by its distance any more
DROP INDEX IF EXISTS item_listing_relevance;
