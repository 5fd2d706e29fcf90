-- A draft nobody will take forward (most often a generated one) is discarded: it leaves the review queue and can never
-- be published without a new version going through review.
ALTER TABLE item_version DROP CONSTRAINT item_version_state_check;
ALTER TABLE item_version ADD CONSTRAINT item_version_state_check
    CHECK (state IN ('draft', 'in_review', 'approved', 'published', 'retired', 'discarded'));
