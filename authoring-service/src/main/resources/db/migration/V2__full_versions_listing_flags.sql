-- The whole content of a version, its provenance, the item listing used by search, and student flags.

ALTER TABLE item_version
    ADD COLUMN educational_objective  TEXT     CHECK (length(educational_objective) <= 2000),
    ADD COLUMN teaching_points        TEXT[]   NOT NULL DEFAULT '{}',
    ADD COLUMN bloom_level            TEXT     CHECK (bloom_level IN ('remember', 'understand', 'apply', 'analyze', 'evaluate', 'create')),
    ADD COLUMN tags                   TEXT[]   NOT NULL DEFAULT '{}',
    ADD COLUMN reference_list         TEXT[]   NOT NULL DEFAULT '{}',
    ADD COLUMN media_refs             TEXT[]   NOT NULL DEFAULT '{}',
    -- provenance of generated versions: which model, prompt and job, from which source chunks, judged how
    ADD COLUMN generation_model       TEXT,
    ADD COLUMN prompt_version         TEXT,
    ADD COLUMN generation_job_id      UUID,
    ADD COLUMN source_chunk_ids       UUID[]   NOT NULL DEFAULT '{}',
    ADD COLUMN quality_score          DOUBLE PRECISION,
    ADD COLUMN validation_notes       TEXT[]   NOT NULL DEFAULT '{}';

-- Listing columns of an item, kept by refresh_item_listing() in the transaction that changes the item, so that
-- list and search read one row per item: its latest version's state and content, live exam codes, open flags.
ALTER TABLE item
    ADD COLUMN latest_state      TEXT,
    ADD COLUMN topic_id          UUID,
    ADD COLUMN topic_path        TEXT,
    ADD COLUMN difficulty        TEXT,
    ADD COLUMN difficulty_level  SMALLINT,
    ADD COLUMN tags              TEXT[]   NOT NULL DEFAULT '{}',
    ADD COLUMN provenance        TEXT,
    ADD COLUMN author_id         UUID,
    ADD COLUMN exam_codes        TEXT[]   NOT NULL DEFAULT '{}',
    ADD COLUMN open_flags        INT      NOT NULL DEFAULT 0,
    ADD COLUMN stem_preview      TEXT,
    ADD COLUMN lead_in           TEXT,
    ADD COLUMN search            TSVECTOR,
    ADD COLUMN updated_at        TIMESTAMPTZ;

CREATE TABLE item_flag (
    id            UUID PRIMARY KEY,           -- the flag id of the ItemFlagged event: a redelivery finds it here
    item_id       UUID        NOT NULL REFERENCES item (id),
    tenant_id     TEXT        NOT NULL,
    version       INT         NOT NULL,
    flagged_by    UUID        NOT NULL,
    reason        TEXT        NOT NULL,
    comment       TEXT,
    source        TEXT        NOT NULL,
    flagged_at    TIMESTAMPTZ NOT NULL,
    resolved_at   TIMESTAMPTZ,
    resolved_by   UUID,
    resolution    TEXT
);
CREATE INDEX item_flag_item ON item_flag (item_id, flagged_at);

CREATE FUNCTION refresh_item_listing(p_item UUID) RETURNS INT LANGUAGE sql AS $$
    WITH refreshed AS (
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
        search           = setweight(to_tsvector('english', v.lead_in), 'A')
                           || setweight(to_tsvector('english', v.stem), 'B')
                           || setweight(to_tsvector('english', coalesce((SELECT string_agg(o.text, ' ') FROM item_option o
                                                                         WHERE o.item_version_id = v.id), '')), 'C'),
        updated_at       = now()
    FROM item_version v JOIN topic t ON t.id = v.topic_id
    WHERE i.id = p_item AND v.item_id = i.id AND v.version = i.latest_version
    RETURNING 1)
    SELECT count(*)::int FROM refreshed;
$$;

-- The listing of 0.1 items is filled once here; from now on the service keeps it.
SELECT refresh_item_listing(id) FROM item;

CREATE INDEX item_listing_recent  ON item (tenant_id, updated_at DESC, id);
CREATE INDEX item_listing_topic   ON item (tenant_id, topic_path text_pattern_ops);
CREATE INDEX item_listing_state   ON item (tenant_id, latest_state, updated_at DESC);
CREATE INDEX item_listing_author  ON item (tenant_id, author_id, updated_at DESC);
CREATE INDEX item_listing_flagged ON item (tenant_id, updated_at DESC) WHERE open_flags > 0;
CREATE INDEX item_listing_search  ON item USING gin (search);
CREATE INDEX item_listing_tags    ON item USING gin (tags);
CREATE INDEX item_listing_exams   ON item USING gin (exam_codes);
