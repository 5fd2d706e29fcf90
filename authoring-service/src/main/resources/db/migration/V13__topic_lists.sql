-- Every topic's items as a packed list too, in the rows of the words' lists (term_block), keyed by the topic's number
-- negated (a word's key is its search_term id, always positive), with entries of impact 0. A search for every one of
-- several words in a topic subtree reads the rows of the subtree's topics alongside the words' and merges only the
-- items in one of them: for two words whose best matches lie mostly outside the subtree (stenosis murmur in the
-- benchmark's Cardiology, 10 topics and 10,000 of its 100,000 items), testing the matches against the subtree cost
-- reading its 10,000 item numbers from the topic index (4.5 ms), where its rows are about a thousand of 40 bytes.
-- A topic's number names its list, not its place: a moved topic keeps its list, and its new subtree is read at search.
CREATE SEQUENCE topic_no_seq;
ALTER TABLE topic ADD COLUMN topic_no INT;
UPDATE topic SET topic_no = nextval('topic_no_seq');
ALTER TABLE topic ALTER COLUMN topic_no SET DEFAULT nextval('topic_no_seq'), ALTER COLUMN topic_no SET NOT NULL;
ALTER SEQUENCE topic_no_seq OWNED BY topic.topic_no;
CREATE UNIQUE INDEX topic_by_no ON topic (topic_no);

INSERT INTO term_block (term_id, block, entries)
SELECT -t.topic_no, i.item_no >> 10, string_agg(term_entry(i.item_no, 0), ''::BYTEA)
FROM item i JOIN topic t ON t.id = i.topic_id
WHERE i.latest_state IS NOT NULL
GROUP BY 1, 2;

-- The refresh of V11, which now also records the change of the item's topic.
CREATE OR REPLACE FUNCTION refresh_item_listing(p_item UUID) RETURNS INT LANGUAGE plpgsql AS $$
DECLARE
    doc        TSVECTOR;
    refreshed  INT;
    no         INT;
    old_terms  INT[];
    old_impacts SMALLINT[];
    old_topic  UUID;
BEGIN
    -- the keys to remove are read from the row this transaction changes: no one else may change it in between
    -- (an item not yet listed is in no topic's list)
    SELECT i.item_no, i.search_terms, i.search_impacts, CASE WHEN i.latest_state IS NOT NULL THEN i.topic_id END INTO no, old_terms, old_impacts, old_topic FROM item i WHERE i.id = p_item FOR UPDATE;
    DELETE FROM item_term e
    USING item i CROSS JOIN LATERAL unnest(i.search_terms, i.search_impacts) AS w (term_id, impact)
    WHERE i.id = p_item AND e.term_id = w.term_id AND e.impact = w.impact AND e.updated_at = i.updated_at AND e.item_id = i.id;

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

    INSERT INTO term_block_change (term_id, block, entry, added)
    SELECT c.term_id, no >> 10, term_entry(no, c.impact), c.added
    FROM (SELECT w.term_id, w.impact, false AS added FROM unnest(old_terms, old_impacts) AS w (term_id, impact)
          EXCEPT SELECT w.term_id, w.impact, false FROM item i CROSS JOIN LATERAL unnest(i.search_terms, i.search_impacts) AS w (term_id, impact) WHERE i.id = p_item
          UNION ALL
          (SELECT w.term_id, w.impact, true FROM item i CROSS JOIN LATERAL unnest(i.search_terms, i.search_impacts) AS w (term_id, impact) WHERE i.id = p_item
           EXCEPT SELECT w.term_id, w.impact, true FROM unnest(old_terms, old_impacts) AS w (term_id, impact))) c;

    -- the topic's list: the item leaves its old topic's and joins its new topic's, if the topic changed
    INSERT INTO term_block_change (term_id, block, entry, added)
    SELECT -t.topic_no, no >> 10, term_entry(no, 0), t.id IS DISTINCT FROM old_topic
    FROM item i JOIN topic t ON t.id IN (i.topic_id, old_topic)
    WHERE i.id = p_item AND i.latest_state IS NOT NULL AND i.topic_id IS DISTINCT FROM old_topic;
    RETURN refreshed;
END
$$;
