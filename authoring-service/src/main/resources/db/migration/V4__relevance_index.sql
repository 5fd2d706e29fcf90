-- Relevance ranking from the index: rum (a GIN with each lexeme's positions in its posting lists) answers
-- "ORDER BY search <=> query LIMIT n" without reading the search vector of every match from the table
-- (26,000 matches of a common word all ranked in about half the time it took before, when only the 2,000 most recent were ranked).
-- The GIN index stays: it builds match bitmaps faster.
-- The extension is installed by whoever provisions the database (it needs a superuser; deploy/local/infra.sh does it
-- locally); IF NOT EXISTS makes this a check that it is there.
CREATE EXTENSION IF NOT EXISTS rum;
CREATE INDEX item_listing_relevance ON item USING rum (search rum_tsvector_ops);
