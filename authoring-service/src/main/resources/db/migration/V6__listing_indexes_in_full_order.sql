-- Every list order ends in id (updated_at DESC, id), so an index is only walked in that order when it ends in id too:
-- without it the planner walks the recency index and filters instead (provenance = 'generated' over 100,000 items:
-- 26 ms, against 2 ms through its own index).
CREATE INDEX item_listing_state_ordered      ON item (tenant_id, latest_state, updated_at DESC, id);
CREATE INDEX item_listing_author_ordered     ON item (tenant_id, author_id, updated_at DESC, id);
CREATE INDEX item_listing_provenance_ordered ON item (tenant_id, provenance, updated_at DESC, id);
CREATE INDEX item_listing_flagged_ordered    ON item (tenant_id, updated_at DESC, id) WHERE open_flags > 0;
CREATE INDEX item_tenant_ordered             ON item (tenant_id, created_at DESC, id);
DROP INDEX item_listing_state, item_listing_author, item_listing_provenance, item_listing_flagged, item_tenant;
ALTER INDEX item_listing_state_ordered RENAME TO item_listing_state;
ALTER INDEX item_listing_author_ordered RENAME TO item_listing_author;
ALTER INDEX item_listing_provenance_ordered RENAME TO item_listing_provenance;
ALTER INDEX item_listing_flagged_ordered RENAME TO item_listing_flagged;
ALTER INDEX item_tenant_ordered RENAME TO item_tenant;

-- The head-of-order walk reads only the recency index where the visibility map says a table page is all-visible; the
-- default (vacuum after a fifth of the table changed) would leave the most recently edited pages, the ones that walk
-- reads, unmarked for a long time.
ALTER TABLE item SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_insert_scale_factor = 0.01);
