-- The words' lists once more, packed: for each word and each block of 1,024 consecutive item numbers, one row whose
-- bytes hold an entry per item of the block with the word (4 bytes: the item's place in the block and its impact).
-- A search for every one of several words reads its words' rows (about a hundred of 1.1 KB each for a word of 35,000
-- items) and merges them in the service, block by block. Merging the lists' rows in the database cost about 100 ns an
-- entry on the benchmark machine, in the index scans and the hash join alike: 5.4 ms for two common words that meet only
-- in the middles of their lists, where reading their rows costs 0.07 ms.
CREATE SEQUENCE item_no_seq;
ALTER TABLE item ADD COLUMN item_no INT;
UPDATE item SET item_no = n.no FROM (SELECT id, nextval('item_no_seq') AS no FROM (SELECT id FROM item ORDER BY created_at, id) o) n
WHERE item.id = n.id;
ALTER TABLE item ALTER COLUMN item_no SET DEFAULT nextval('item_no_seq'), ALTER COLUMN item_no SET NOT NULL;
ALTER SEQUENCE item_no_seq OWNED BY item.item_no;
CREATE UNIQUE INDEX item_by_no ON item (item_no);

-- An entry: byte 1 is 0x80 plus the top 3 bits of the item's place in its block (0-1023), byte 2 its low 7 bits, bytes
-- 3 and 4 the impact (1-255) in 7-bit halves. Only an entry's first byte has its high bit set, so an entry found in a
-- row's bytes is always found at an entry's start.
CREATE FUNCTION term_entry(item_no INT, impact INT) RETURNS BYTEA LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT substring(int8send(((128 | ((item_no & 1023) >> 7))::BIGINT << 24) | ((item_no & 127) << 16) | ((impact >> 7) << 8) | (impact & 127)) FROM 5)
$$;

CREATE TABLE term_block (
    term_id INT   NOT NULL,
    block   INT   NOT NULL,
    entries BYTEA NOT NULL,
    PRIMARY KEY (term_id, block)
);
ALTER TABLE term_block SET (autovacuum_vacuum_scale_factor = 0.01);

INSERT INTO term_block (term_id, block, entries)
SELECT w.term_id, i.item_no >> 10, string_agg(term_entry(i.item_no, w.impact), ''::BYTEA)
FROM item i CROSS JOIN LATERAL unnest(i.search_terms, i.search_impacts) AS w (term_id, impact)
WHERE i.latest_state IS NOT NULL
GROUP BY 1, 2;

-- The entries that the listing refresh removes and adds, applied to the rows by apply_term_block_changes() once per
-- statement that refreshes (a bulk import refreshes many items at once: its entries are appended to each row once).
CREATE TABLE term_block_change (
    term_id INT     NOT NULL,
    block   INT     NOT NULL,
    entry   BYTEA   NOT NULL,
    added   BOOLEAN NOT NULL
);

CREATE FUNCTION without_entries(entries BYTEA, removed BYTEA[]) RETURNS BYTEA LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    entry BYTEA;
    at    INT;
BEGIN
    FOREACH entry IN ARRAY removed LOOP
        at := position(entry IN entries);
        IF at > 0 THEN
            entries := overlay(entries PLACING ''::BYTEA FROM at FOR 4);
        END IF;
    END LOOP;
    RETURN entries;
END
$$;

-- The changes of this transaction, row by row in key order (so that two transactions wait for each other instead of
-- deadlocking). Each row is changed by an expression of its own bytes: a concurrent change of the same row is waited for
-- and then applied to (READ COMMITTED re-evaluates the expression on the row as that change left it).
CREATE FUNCTION apply_term_block_changes() RETURNS INT LANGUAGE plpgsql AS $$
DECLARE
    change  RECORD;
    changed INT := 0;
BEGIN
    FOR change IN
        WITH taken AS (DELETE FROM term_block_change RETURNING *)
        SELECT term_id, block, array_agg(entry) FILTER (WHERE NOT added) AS removed,
               coalesce(string_agg(entry, ''::BYTEA) FILTER (WHERE added), ''::BYTEA) AS added
        FROM taken GROUP BY term_id, block ORDER BY term_id, block
    LOOP
        INSERT INTO term_block AS b (term_id, block, entries) VALUES (change.term_id, change.block, change.added)
        ON CONFLICT (term_id, block) DO UPDATE SET entries = without_entries(b.entries, coalesce(change.removed, '{}')) || EXCLUDED.entries;
        changed := changed + 1;
    END LOOP;
    RETURN changed;
END
$$;

-- The refresh of V7, which now also records the entries that change: those of the words or impacts that the item's new
-- text changed, none when only its state, publications or flags did.
CREATE OR REPLACE FUNCTION refresh_item_listing(p_item UUID) RETURNS INT LANGUAGE plpgsql AS $$
DECLARE
    doc        TSVECTOR;
    refreshed  INT;
    no         INT;
    old_terms  INT[];
    old_impacts SMALLINT[];
BEGIN
    -- the keys to remove are read from the row this transaction changes: no one else may change it in between
    SELECT i.item_no, i.search_terms, i.search_impacts INTO no, old_terms, old_impacts FROM item i WHERE i.id = p_item FOR UPDATE;
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
    RETURN refreshed;
END
$$;

-- the merge of the lists by item id, which the rows replace
DROP INDEX item_term_by_item;
