-- The walk over the head of the default order (ItemSearch.window) tests every filter but full text on 2,000 rows. With
-- the filter columns in the recency index it reads index pages only, instead of 2,000 scattered table pages
-- (34 ms -> 3 ms for a filter that matches nothing there, measured on the benchmark's 100,000 items).
CREATE INDEX item_listing_head ON item (tenant_id, updated_at DESC, id)
    INCLUDE (latest_state, topic_path, difficulty, author_id, provenance, open_flags, tags, exam_codes);
DROP INDEX item_listing_recent;
ALTER INDEX item_listing_head RENAME TO item_listing_recent;
