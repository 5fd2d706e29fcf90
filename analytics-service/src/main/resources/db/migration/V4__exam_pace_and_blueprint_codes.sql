-- The pace of the exam (seconds per item) the tenant sets with its passing standard: students' time per item is shown
-- against it. Null: the service's default.
ALTER TABLE passing_standard ADD COLUMN seconds_per_item INTEGER CHECK (seconds_per_item BETWEEN 10 AND 900);

-- The blueprint code of each published version's topic (from qbank.items.v1, sent again when a topic changes), for
-- results by blueprint code. Versions published before this column have none until they are published again.
ALTER TABLE item_dim ADD COLUMN blueprint_code TEXT;
