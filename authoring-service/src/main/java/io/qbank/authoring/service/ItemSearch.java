package io.qbank.authoring.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.qbank.common.security.CurrentUser;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * List and search over the item listing columns (one row per item, kept in step with the latest version by
 * {@code refresh_item_listing}); every filter is a bind parameter and the tenant is always the caller's.
 * <p>
 * A filtered query takes up to three steps, because no single plan is fast for both kinds of filter:
 * <ol>
 * <li>in the default order (latest change first), the first {@link #WINDOW} rows of the tenant are walked for the page:
 * when matches are dense, it is there after a few rows;</li>
 * <li>else the matches are collected up to {@link #BOUND} (fast through the search, tag and topic indexes when matches
 * are few), sorted and paged in memory;</li>
 * <li>else (many matches, but far apart or far down the order) the walk goes on over the whole order.</li>
 * </ol>
 * The first step saves dense searches from building the full-text index's bitmap of every match (26,000 for a common
 * word in 100,000 items: 30 ms) only to learn that they are dense.
 * <p>
 * A list with one filter that has its own index in the requested order (state, author, provenance, open flags, the review
 * queue) walks that index and nothing else. Relevance has its own last step, {@link #relevance}: the rum index ranks
 * every match without reading them from the table.
 */
@ApplicationScoped
public class ItemSearch {

    static final int BOUND = 500;
    static final int WINDOW = 2_000;
    private static final String RECENT_FIRST = order(ItemQuery.Sort.UPDATED, "i", "0");
    private static final String COLUMNS = "i.id, i.latest_version, i.live_version, i.latest_state, i.topic_id, t.name AS topic_name,"
            + " i.stem_preview, i.lead_in, i.difficulty, i.difficulty_level, i.tags, i.provenance, i.author_id, i.exam_codes,"
            + " i.open_flags, i.created_at, i.updated_at";

    private final Pool pool;

    public ItemSearch(Pool pool) {
        this.pool = pool;
    }

    public Uni<ItemPage> list(CurrentUser user, ItemQuery query) {
        if (query.topicId() == null) {
            return list(user, query, null);
        }
        return pool.preparedQuery("SELECT path FROM topic WHERE id = $1 AND tenant_id = $2")
                .execute(Tuple.of(query.topicId(), user.tenantId()))
                .chain(rows -> rows.size() == 0 ? Uni.createFrom().item(new ItemPage(List.of(), query.page(), query.size(), false))
                        : list(user, query, rows.iterator().next().getString("path")));
    }

    private Uni<ItemPage> list(CurrentUser user, ItemQuery query, String topicPath) {
        Filter filter = new Filter(user.tenantId());
        String tsQuery = null;
        if (query.text() != null) {
            tsQuery = "websearch_to_tsquery('english', " + filter.bind(query.text()) + ")";
            filter.and("i.search @@ " + tsQuery);
        }
        if (topicPath != null) {
            // the subtree: every path that starts with the topic's ("/a/b/"), i.e. from "/a/b/" up to "/a/b0"
            String upper = topicPath.substring(0, topicPath.length() - 1) + (char) ('/' + 1);
            filter.and("(i.topic_path COLLATE \"C\") >= " + filter.bind(topicPath) + " AND (i.topic_path COLLATE \"C\") < " + filter.bind(upper));
        }
        filter.andEquals("i.latest_state", query.state(), true);
        filter.andEquals("i.difficulty", query.difficulty(), false);
        filter.andEquals("i.author_id", query.author(), true);
        filter.andEquals("i.provenance", query.provenance(), true);
        if (query.tag() != null) {
            filter.and("i.tags @> " + filter.bind(new String[] { query.tag().strip().toLowerCase(Locale.ROOT) }));
        }
        if (query.examCode() != null) {
            filter.and("i.exam_codes @> " + filter.bind(new String[] { query.examCode() }));
        }
        if (query.flagged() != null) {
            if (query.flagged()) {
                filter.and("i.open_flags > 0", ItemQuery.Sort.UPDATED); // the partial index item_listing_flagged
            } else {
                filter.and("i.open_flags = 0");
            }
        }
        if (query.reviewQueue()) {
            // waiting for someone: a publisher (in review, open flags) or an author (a generated draft to check and submit);
            // the same condition as the partial index item_review_queue
            filter.and("(i.latest_state = 'in_review' OR i.open_flags > 0 OR (i.latest_state = 'draft' AND i.provenance = 'generated'))",
                    ItemQuery.Sort.WAITING);
        }
        boolean byRelevance = tsQuery != null && query.sort() == ItemQuery.Sort.RELEVANCE;
        // relevance: the rum index's distance (smaller is better), the same number in every step
        String rank = byRelevance ? "(i.search <=> " + tsQuery + ")" : "0";
        if (byRelevance) {
            // with the text alone, the relevance index answers at once; with other filters too, a few matches are
            // collected faster through those filters' indexes
            return filter.conditions == 1 ? relevance(filter, query, rank)
                    : bounded(filter, query, rank).chain(page -> page != null ? Uni.createFrom().item(page) : relevance(filter, query, rank));
        }
        if (filter.conditions == 1 && filter.walkable == query.sort()) {
            return ordered(filter, query, rank); // one filter whose own index lists its matches in this order
        }
        if (filter.filtered() && (long) (query.page() + 1) * query.size() < BOUND) {
            Uni<ItemPage> sparse = bounded(filter, query, rank).chain(page -> page != null ? Uni.createFrom().item(page) : ordered(filter, query, rank));
            // only the default order has an index to walk the head of (tenant, updated_at DESC, id)
            return query.sort() != ItemQuery.Sort.UPDATED ? sparse
                    : window(filter, query).chain(page -> page != null ? Uni.createFrom().item(page) : sparse);
        }
        return ordered(filter, query, rank);
    }

    /** All matches up to BOUND, then sorted and paged; null if there were more than that. */
    private Uni<ItemPage> bounded(Filter filter, ItemQuery query, String rank) {
        List<Object> params = new ArrayList<>(filter.params);
        String sql = "WITH hits AS MATERIALIZED (SELECT i.id, i.updated_at, i.created_at, " + rank + " AS rank FROM item i WHERE "
                + filter.where + " LIMIT " + (BOUND + 1) + ") SELECT (SELECT count(*) FROM hits) AS hits, " + COLUMNS
                + " FROM hits h JOIN item i ON i.id = h.id LEFT JOIN topic t ON t.id = i.topic_id ORDER BY " + order(query.sort(), "h", "h.rank")
                + " LIMIT " + (query.size() + 1) + " OFFSET " + (long) query.page() * query.size();
        return pool.preparedQuery(sql).execute(Tuple.from(params)).map(rows -> {
            if (rows.size() == 0) {
                return query.page() == 0 ? new ItemPage(List.of(), 0, query.size(), false) : null;
            }
            return rows.iterator().next().getLong("hits") > BOUND ? null : page(rows, query);
        });
    }

    /**
     * Relevance over any number of matches, in the order (distance, latest change first, id) on every page. The rum
     * index lists the matches nearest first; it takes one row more than the pages up to this one need, to see whether
     * the distance at the end of this page goes on beyond it. Such a tie (a one-word query often gives thousands of
     * matches the same distance) is ordered by the tenant's recency index instead, walked with the tie's distance as a
     * filter, since the rum index lists equal distances in no useful order.
     */
    private Uni<ItemPage> relevance(Filter filter, ItemQuery query, String rank) {
        int needed = query.page() * query.size() + query.size() + 1; // this page, those before it, and one to tell hasNext
        String sql = "SELECT i.id, i.updated_at, " + rank + " AS distance FROM item i WHERE " + filter.where + " ORDER BY " + rank
                + " LIMIT " + (needed + 1);
        return pool.preparedQuery(sql).execute(Tuple.from(filter.params)).chain(rows -> {
            List<Ranked> nearest = new ArrayList<>();
            rows.forEach(row -> nearest.add(new Ranked(row.getUUID("id"), row.getOffsetDateTime("updated_at"), row.getFloat("distance"))));
            if (nearest.size() <= needed || nearest.get(needed).distance() > nearest.get(needed - 1).distance()) {
                nearest.sort(Ranked.ORDER); // every match up to the end of this page, ties and all
                return rowsOf(nearest.subList(0, Math.min(needed, nearest.size())), query);
            }
            float tie = nearest.get(needed - 1).distance();
            List<Ranked> ahead = new ArrayList<>(nearest.stream().filter(r -> r.distance() < tie).sorted(Ranked.ORDER).toList());
            List<Object> params = new ArrayList<>(filter.params);
            params.add(tie);
            // OFFSET 0 keeps the filters out of the walk, so that it stays the index's order and stops at the LIMIT
            String tied = "SELECT i.id, i.updated_at FROM " + recencyWalk("OFFSET 0") + " WHERE " + filter.where + " AND " + rank
                    + " = $" + params.size() + " ORDER BY " + RECENT_FIRST + " LIMIT " + (needed - ahead.size());
            return pool.preparedQuery(tied).execute(Tuple.from(params)).chain(group -> {
                group.forEach(row -> ahead.add(new Ranked(row.getUUID("id"), row.getOffsetDateTime("updated_at"), tie)));
                return rowsOf(ahead, query);
            });
        });
    }

    /** The page's part of the ranked ids, with their listing columns, in the ranked order. */
    private Uni<ItemPage> rowsOf(List<Ranked> ranked, ItemQuery query) {
        List<Ranked> slice = ranked.subList(Math.min(query.page() * query.size(), ranked.size()), ranked.size());
        if (slice.isEmpty()) {
            return Uni.createFrom().item(new ItemPage(List.of(), query.page(), query.size(), false));
        }
        UUID[] ids = slice.stream().map(Ranked::id).toArray(UUID[]::new);
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM unnest($1::uuid[]) WITH ORDINALITY AS r(id, n) JOIN item i ON i.id = r.id"
                + " LEFT JOIN topic t ON t.id = i.topic_id ORDER BY r.n").execute(Tuple.of(ids)).map(rows -> page(rows, query));
    }

    /** uuid order as PostgreSQL has it, the 16 bytes compared unsigned (UUID.compareTo compares signed longs). */
    private static int compareAsPostgres(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    private record Ranked(UUID id, OffsetDateTime updatedAt, float distance) {
        static final Comparator<Ranked> ORDER = Comparator.comparingDouble(Ranked::distance)
                .thenComparing(Ranked::updatedAt, Comparator.reverseOrder()).thenComparing(Ranked::id, ItemSearch::compareAsPostgres);
    }

    /**
     * The page from the first {@link #WINDOW} rows of the tenant in the default order (latest change first), or null when
     * they held less than a page and the one after it: the window is the head of the order, so the matches in it are the
     * first matches of all.
     */
    private Uni<ItemPage> window(Filter filter, ItemQuery query) {
        // the window names only the filters' columns, all in the recency index: without full text, an index-only walk
        String sql = "SELECT " + COLUMNS + " FROM (SELECT i.id, i.updated_at FROM " + recencyWalk("LIMIT " + WINDOW) + " WHERE "
                + filter.where + " ORDER BY " + RECENT_FIRST + " LIMIT " + (query.size() + 1) + " OFFSET " + (long) query.page() * query.size()
                + ") w JOIN item i ON i.id = w.id LEFT JOIN topic t ON t.id = i.topic_id ORDER BY " + order(ItemQuery.Sort.UPDATED, "w", "0");
        return pool.preparedQuery(sql).execute(Tuple.from(filter.params)).map(rows -> rows.size() > query.size() ? page(rows, query) : null);
    }

    /** The tenant's rows in the default order (the recency index), cut as given, as the table "i". */
    private static String recencyWalk(String cut) {
        return "(SELECT * FROM item i WHERE i.tenant_id = $1 ORDER BY " + RECENT_FIRST + " " + cut + ") i";
    }

    /** The index walk in the requested order, for dense matches and unfiltered lists. */
    private Uni<ItemPage> ordered(Filter filter, ItemQuery query, String rank) {
        List<Object> params = new ArrayList<>(filter.params);
        params.add(query.size() + 1); // one more than a page tells whether another page follows
        params.add((long) query.page() * query.size());
        String sql = "SELECT " + COLUMNS + " FROM item i LEFT JOIN topic t ON t.id = i.topic_id WHERE " + filter.where
                + " ORDER BY " + order(query.sort(), "i", rank) + " LIMIT $" + (params.size() - 1) + " OFFSET $" + params.size();
        return pool.preparedQuery(sql).execute(Tuple.from(params)).map(rows -> page(rows, query));
    }

    private static String order(ItemQuery.Sort sort, String alias, String rank) {
        return switch (sort) {
            case CREATED -> alias + ".created_at DESC, " + alias + ".id";
            case RELEVANCE -> rank + ", " + alias + ".updated_at DESC, " + alias + ".id";
            case WAITING -> alias + ".updated_at ASC, " + alias + ".id";
            case UPDATED -> alias + ".updated_at DESC, " + alias + ".id";
        };
    }

    private static ItemPage page(RowSet<Row> rows, ItemQuery query) {
        List<ItemSummary> items = new ArrayList<>();
        for (Row row : rows) {
            items.add(summary(row));
        }
        boolean hasNext = items.size() > query.size();
        return new ItemPage(hasNext ? items.subList(0, query.size()) : items, query.page(), query.size(), hasNext);
    }

    private static ItemSummary summary(Row row) {
        return new ItemSummary(row.getUUID("id"), row.getInteger("latest_version"), row.getInteger("live_version"),
                row.getString("latest_state"), row.getUUID("topic_id"), row.getString("topic_name"), row.getString("stem_preview"),
                row.getString("lead_in"), row.getString("difficulty"), row.getInteger("difficulty_level"),
                Arrays.asList(row.getArrayOfStrings("tags")), row.getString("provenance"), row.getUUID("author_id"),
                Arrays.asList(row.getArrayOfStrings("exam_codes")), row.getInteger("open_flags"),
                row.getOffsetDateTime("created_at").toInstant(), row.getOffsetDateTime("updated_at").toInstant());
    }

    /** The WHERE clause and its bind parameters; $1 is always the tenant. */
    private static final class Filter {
        final StringBuilder where = new StringBuilder("i.tenant_id = $1 AND i.latest_state IS NOT NULL");
        final List<Object> params = new ArrayList<>();
        int conditions;
        /** The order in which an index of the last condition lists exactly its matches, if there is one. */
        ItemQuery.Sort walkable;

        Filter(String tenantId) {
            params.add(tenantId);
        }

        String bind(Object value) {
            params.add(value);
            return "$" + params.size();
        }

        void and(String condition) {
            and(condition, null);
        }

        void and(String condition, ItemQuery.Sort indexOrder) {
            where.append(" AND ").append(condition);
            conditions++;
            walkable = indexOrder;
        }

        boolean filtered() {
            return conditions > 0;
        }

        /** indexed: (tenant_id, column, updated_at DESC, id) lists the matches in the default order. */
        void andEquals(String column, Object value, boolean indexed) {
            if (value != null) {
                and(column + " = " + bind(value), indexed ? ItemQuery.Sort.UPDATED : null);
            }
        }
    }
}
