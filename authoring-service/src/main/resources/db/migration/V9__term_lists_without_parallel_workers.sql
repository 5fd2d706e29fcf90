-- No parallel workers for the term lists. A search reads a few thousand to some tens of thousands of their entries, in a
-- few milliseconds; from about 13,000 entries a list, PostgreSQL planned the merge of two lists as a parallel hash join,
-- which costs a worker's start and a shared hash table. On the benchmark machine (2 cores) the merge of `stenosis murmur`
-- at the bounds 118/117 then ran 112 times a second for 4 clients instead of 532 (pgbench): the workers take the cores
-- that the other searches wait for.
ALTER TABLE item_term SET (parallel_workers = 0);
