-- Subtree filters compare topic paths as a range of bytes ("/root/child/" ≤ path < "/root/child0"), which a plain
-- b-tree answers with the path bound as a parameter; LIKE with a parameter cannot use an index in a generic plan.
DROP INDEX item_listing_topic;
CREATE INDEX item_listing_topic ON item (tenant_id, (topic_path COLLATE "C"));

-- The review queue's condition, as a partial index in its order (waiting longest first).
CREATE INDEX item_review_queue ON item (tenant_id, updated_at, id)
    WHERE latest_state = 'in_review' OR open_flags > 0 OR (latest_state = 'draft' AND provenance = 'generated');

-- Generated items are a minority that authors and publishers filter for.
CREATE INDEX item_listing_provenance ON item (tenant_id, provenance, updated_at DESC);
