package io.qbank.authoring.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * What relevance weighs words by: how many items a tenant lists, and how many hold each word. Counting a common word's
 * list costs as much as ranking all its items, so the counts are kept for {@link #MAX_AGE} (the weights follow the
 * bank's growth a few minutes late, as a search engine's do between index refreshes).
 */
final class WordStatistics {

    static final Duration MAX_AGE = Duration.ofMinutes(10);
    private static final int MAX_WORDS = 100_000;

    /** The counts a query needs. */
    record Snapshot(long items, Map<Integer, Long> itemsWith) {
        long itemsWith(int termId) {
            return itemsWith.get(termId);
        }
    }

    private record Counted(long count, long at) {
        boolean fresh(long now) {
            return now - at < MAX_AGE.toNanos();
        }
    }

    private final Map<String, Counted> items = new ConcurrentHashMap<>();
    /** by term id, unique across tenants */
    private final Map<Integer, Counted> itemsWith = new ConcurrentHashMap<>();

    Uni<Snapshot> of(String tenantId, Integer[] termIds, Pool pool) {
        long now = System.nanoTime();
        Counted tenant = items.get(tenantId);
        boolean countItems = tenant == null || !tenant.fresh(now);
        List<Integer> missing = new ArrayList<>();
        Map<Integer, Long> known = new HashMap<>();
        for (Integer termId : termIds) {
            Counted word = itemsWith.get(termId);
            if (word != null && word.fresh(now)) {
                known.put(termId, word.count());
            } else {
                missing.add(termId);
            }
        }
        if (!countItems && missing.isEmpty()) {
            return Uni.createFrom().item(new Snapshot(tenant.count(), known));
        }
        return pool.preparedQuery("SELECT CASE WHEN $2 THEN (SELECT count(*) FROM item i WHERE i.tenant_id = $1 AND i.latest_state IS NOT NULL)"
                + " END AS items, ARRAY(SELECT (SELECT count(*) FROM item_term e WHERE e.term_id = t.id)"
                + " FROM unnest($3::int[]) WITH ORDINALITY AS t (id, n) ORDER BY t.n) AS items_with")
                .execute(Tuple.of(tenantId, countItems, missing.toArray(Integer[]::new))).map(rows -> {
                    var row = rows.iterator().next();
                    if (itemsWith.size() > MAX_WORDS) {
                        itemsWith.clear(); // a crude bound: counting again is all it costs
                    }
                    Long[] counts = row.getArrayOfLongs("items_with");
                    for (int i = 0; i < counts.length; i++) {
                        known.put(missing.get(i), counts[i]);
                        itemsWith.put(missing.get(i), new Counted(counts[i], now));
                    }
                    long total = countItems ? row.getLong("items") : tenant.count();
                    if (countItems) {
                        items.put(tenantId, new Counted(total, now));
                    }
                    return new Snapshot(total, known);
                });
    }
}
