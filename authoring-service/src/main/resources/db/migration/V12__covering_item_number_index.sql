-- The matches that a merge of packed lists found are tested against the other filters, best first (ItemSearch.passing):
-- the first few by item number, in an index that now holds every filter column, so that the test reads the index alone;
-- if those do not fill the page, the filter's own item numbers are read from the filter's index, which now holds them too
-- (stenosis murmur in the Cardiology subtree: 5,400 of its 12,000 matches tested one by one took 13 ms; reading the
-- subtree's 10,000 item numbers, 4.5 ms).
CREATE UNIQUE INDEX item_by_no_covering ON item (item_no)
    INCLUDE (tenant_id, updated_at, id, latest_state, topic_path, difficulty, author_id, provenance, open_flags, tags, exam_codes);
DROP INDEX item_by_no;
ALTER INDEX item_by_no_covering RENAME TO item_by_no;

CREATE INDEX item_listing_author_numbered ON item (tenant_id, author_id, updated_at DESC, id)
    INCLUDE (created_at, latest_state, topic_path, difficulty, provenance, open_flags, tags, exam_codes, item_no);
CREATE INDEX item_listing_topic_numbered ON item (tenant_id, topic_path COLLATE "C")
    INCLUDE (updated_at, id, created_at, latest_state, difficulty, author_id, provenance, open_flags, tags, exam_codes, item_no);
CREATE INDEX item_listing_recent_numbered ON item (tenant_id, updated_at DESC, id)
    INCLUDE (latest_state, topic_path, difficulty, author_id, provenance, open_flags, tags, exam_codes, item_no);
DROP INDEX item_listing_author, item_listing_topic, item_listing_recent;
ALTER INDEX item_listing_author_numbered RENAME TO item_listing_author;
ALTER INDEX item_listing_topic_numbered RENAME TO item_listing_topic;
ALTER INDEX item_listing_recent_numbered RENAME TO item_listing_recent;
