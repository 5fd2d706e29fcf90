package io.qbank.authoring.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.qbank.common.security.CurrentUser;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
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
 * queue) walks that index and nothing else. Relevance has its own last step, {@link #relevance}: the threshold algorithm
 * over the query words' impact-ordered lists, which reads the best matches first.
 */
@ApplicationScoped
public class ItemSearch {

    static final int BOUND = 500;
    static final int WINDOW = 2_000;
    /** List entries read by relevance's threshold algorithm before it scores every match instead. */
    static final int MAX_LIST_READ = 20_000;
    private static final int MAX_BATCH = 4_096;
    /**
     * What scoring a match costs when every match is scored (a bitmap heap scan), as a share of what an item met in a list
     * costs (an index lookup): 41 ms for 12,000 matches against 50 ms for 8,200 items met, measured on the benchmark bank.
     */
    private static final double FULL_SCORING_COST = 0.55;
    private static final String RECENT_FIRST = order(ItemQuery.Sort.UPDATED, "i", "0");
    private static final String COLUMNS = "i.id, i.latest_version, i.live_version, i.latest_state, i.topic_id, t.name AS topic_name,"
            + " i.stem_preview, i.lead_in, i.difficulty, i.difficulty_level, i.tags, i.provenance, i.author_id, i.exam_codes,"
            + " i.open_flags, i.created_at, i.updated_at";

    private final Pool pool;
    private final WordStatistics statistics = new WordStatistics();

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
        // the text is always $2; its condition comes last, so that a walk tests the other filters first: matching the text
        // reads the item's search vector out of line (TOAST)
        String tsQuery = query.text() == null ? null : "websearch_to_tsquery('english', " + filter.bind(query.text()) + ")";
        if (topicPath != null) {
            // the subtree: every path that starts with the topic's ("/a/b/"), i.e. from "/a/b/" up to "/a/b0"
            String upper = topicPath.substring(0, topicPath.length() - 1) + (char) ('/' + 1);
            filter.and("(i.topic_path COLLATE \"C\") >= " + filter.bind(topicPath) + " AND (i.topic_path COLLATE \"C\") < " + filter.bind(upper));
            filter.subtree = new String[] { topicPath, upper };
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
        if (tsQuery != null) {
            filter.and("i.search @@ " + tsQuery);
        }
        if (tsQuery != null && query.sort() == ItemQuery.Sort.RELEVANCE) {
            return relevance(filter, query, "i.search @@ " + tsQuery);
        }
        if (filter.conditions == 1 && filter.walkable == query.sort()) {
            return ordered(filter, query); // one filter whose own index lists its matches in this order
        }
        if (filter.filtered() && (long) (query.page() + 1) * query.size() < BOUND) {
            Uni<ItemPage> sparse = bounded(filter, query, "0").chain(page -> page != null ? Uni.createFrom().item(page) : ordered(filter, query));
            // only the default order has an index to walk the head of (tenant, updated_at DESC, id)
            return query.sort() != ItemQuery.Sort.UPDATED ? sparse
                    : window(filter, query).chain(page -> page != null ? Uni.createFrom().item(page) : sparse);
        }
        return ordered(filter, query);
    }

    /**
     * All matches up to BOUND, then sorted and paged; null if there were more than that. Planned for its values
     * ({@link #plannedForValues}): for no values in particular, PostgreSQL takes a text, tag or exam code to match a
     * two-hundredth of the items and intersects its index with the others', which for a common tag (10,000 items) costs 5 ms
     * where the author's or topic's covering index alone costs 0.5-1.5.
     */
    private Uni<ItemPage> bounded(Filter filter, ItemQuery query, String rank) {
        String sql = "WITH hits AS MATERIALIZED (SELECT i.id, i.updated_at, i.created_at, " + rank + " AS rank FROM item i WHERE "
                + filter.where + " LIMIT " + (BOUND + 1) + ") SELECT (SELECT count(*) FROM hits) AS hits, " + COLUMNS
                + " FROM hits h JOIN item i ON i.id = h.id LEFT JOIN topic t ON t.id = i.topic_id ORDER BY " + order(query.sort(), "h", "h.rank")
                + " LIMIT " + (query.size() + 1) + " OFFSET " + (long) query.page() * query.size();
        return plannedForValues(sql, filter.params).map(rows -> {
            if (rows.size() == 0) {
                return query.page() == 0 ? new ItemPage(List.of(), 0, query.size(), false) : null;
            }
            return rows.iterator().next().getLong("hits") > BOUND ? null : page(rows, query);
        });
    }

    /**
     * Relevance over any number of matches, in the order (score, latest change first, id) on every page. The query's
     * words come first, with their weights; then, with other filters, a few matches collected through those filters'
     * indexes; else the threshold algorithm over the words' impact-ordered lists ({@link RelevanceTopK}). A query with a
     * negated word scores every match instead: its matches need not hold any listed word; a query for every one of several
     * words merges their packed lists instead ({@link #merged}), whatever the other filters.
     */
    private Uni<ItemPage> relevance(Filter filter, ItemQuery query, String textCondition) {
        return pool.preparedQuery(WORDS).execute(Tuple.of(filter.params.get(0), filter.params.get(1)))
                .chain(rows -> QueryWords.of(rows, filter.params.get(0).toString(), statistics, pool))
                .chain(words -> {
                    if (words.negated()) {
                        return scored(filter, query, words.rank(filter));
                    }
                    if (words.termIds().length == 0 || words.missingWordRequired()) {
                        return Uni.createFrom().item(new ItemPage(List.of(), query.page(), query.size(), false));
                    }
                    if (words.termIds().length > 1 && words.joinedOnlyBy('&')) {
                        // a match of the merge holds every word: the text needs no test
                        return merged(filter, filter.where.toString().replace(textCondition, "$2::text IS NOT NULL"), query, words);
                    }
                    // an item met in a list is checked against the text through its term ids where the query allows it:
                    // the search vector lies out of line (TOAST), and reading it for every item met costs most of a search
                    String where = filter.where.toString().replace(textCondition, words.termCondition(textCondition));
                    String rank = words.rank(filter);
                    int needed = (query.page() + 1) * query.size() + 1; // this page, those before it, and one to tell hasNext
                    Uni<ItemPage> lists = Uni.createFrom().deferred(() -> readLists(filter, where, query, rank, words,
                            new RelevanceTopK(needed, words.weights(), words.lengths()), new int[words.termIds().length], Math.max(64, 2 * needed)));
                    return filter.conditions == 1 ? lists
                            : bounded(filter, query, rank).chain(page -> page != null ? Uni.createFrom().item(page) : lists);
                });
    }

    /**
     * Every one of several words: the words' packed lists ({@link PackedLists}), read in the blocks of the word with the
     * fewest items (a block without it holds no match) and merged here; then the page's items, from those that can make
     * it, in the order of relevance. For two common words that meet only in the middles of their lists (stenosis murmur in
     * the benchmark bank: 12,000 matches), the lists' 70,000 entries take 0.1 ms to read, where merging the impact-ordered
     * lists in the database took 5.4 ms. In a topic subtree, only the items in the lists of the subtree's topics (V13)
     * are merged. With other filters, the matches are tested against them best first ({@link #passing}).
     */
    private Uni<ItemPage> merged(Filter filter, String where, ItemQuery query, QueryWords words) {
        int needed = (query.page() + 1) * query.size() + 1; // this page, those before it, and one to tell hasNext
        Integer[] termIds = words.termIds();
        int rarest = 0;
        for (int list = 1; list < termIds.length; list++) {
            rarest = words.lengths()[list] < words.lengths()[rarest] ? list : rarest;
        }
        String blocks = " AND b.block IN (SELECT block FROM term_block WHERE term_id = $2)";
        String sql = "SELECT b.term_id, b.block, b.entries FROM term_block b WHERE b.term_id = ANY($1)" + blocks;
        Tuple params = Tuple.of(termIds, termIds[rarest]);
        if (filter.subtree != null) {
            // the subtree's topics' lists too (V13): in the same snapshot as the words', so that they agree on every item
            sql += " UNION ALL SELECT b.term_id, b.block, b.entries FROM topic s JOIN term_block b ON b.term_id = -s.topic_no"
                    + " WHERE s.tenant_id = $3 AND s.path ~>=~ $4 AND s.path ~<~ $5" + blocks;
            params.addValue(filter.params.get(0)).addValue(filter.subtree[0]).addValue(filter.subtree[1]);
        }
        return pool.preparedQuery(sql).execute(params).chain(rows -> {
            List<Integer> lists = Arrays.asList(termIds);
            List<PackedLists.Row> packed = new ArrayList<>(rows.size());
            for (Row row : rows) {
                int termId = row.getInteger("term_id");
                packed.add(new PackedLists.Row(termId < 0 ? PackedLists.FILTER : lists.indexOf(termId), row.getInteger("block"),
                        row.getBuffer("entries").getBytes()));
            }
            // every match of the merge is in the subtree: without other filters, the best needed (ties included) are all it takes
            int share = filter.conditions > (filter.subtree != null ? 2 : 1) ? Math.max(FIRST_SHARE, 4 * needed) : needed;
            return passing(where, filter.params, query, PackedLists.best(packed, words.weights(), share, filter.subtree != null));
        });
    }

    /** The least share of the matches that {@link #passing} tests first against the other filters. */
    private static final int FIRST_SHARE = 256;

    /**
     * The page from the matches, best first, that pass the filter: first the best share of them (the first {@code share}
     * and their ties), tested match by match in the item number index, which holds every filter column. If those do not
     * fill the page and the one after it, the filter's own matches are read packed and the rest of the merge's matches
     * are tested against them here: for a filter that few of the best matches pass, testing them one by one costs 2-3 µs
     * each (13 ms for stenosis murmur in the Cardiology subtree), joining them by hash in the database 9 ms, reading the
     * subtree's 10,000 item numbers 4.5 ms.
     */
    private Uni<ItemPage> passing(String where, List<Object> whereParams, ItemQuery query, PackedLists.Best matches) {
        int needed = (query.page() + 1) * query.size() + 1;
        if (matches.itemNos().length == 0) {
            return Uni.createFrom().item(new ItemPage(List.of(), query.page(), query.size(), false));
        }
        return passingIn(where, whereParams, matches, needed).chain(best -> {
            if (best.size() >= needed || matches.rest().itemNos().length == 0) {
                return Uni.createFrom().item(pageOf(best, query));
            }
            return plannedForValues("SELECT string_agg(int4send(i.item_no), ''::bytea) AS nos FROM item i WHERE " + where, whereParams)
                    .chain(rows -> {
                        Buffer packed = rows.iterator().next().getBuffer("nos");
                        BitSet passes = new BitSet();
                        for (int at = 0; packed != null && at + 3 < packed.length(); at += 4) {
                            passes.set(packed.getInt(at));
                        }
                        PackedLists.Best rest = matches.rest();
                        int[] nos = new int[rest.itemNos().length];
                        int[] scores = new int[nos.length];
                        int count = 0;
                        for (int i = 0; i < nos.length; i++) {
                            if (passes.get(rest.itemNos()[i])) {
                                nos[count] = rest.itemNos()[i];
                                scores[count++] = rest.scores()[i];
                            }
                        }
                        int limit = needed - best.size();
                        return passingIn(where, whereParams, PackedLists.best(Arrays.copyOf(nos, count), Arrays.copyOf(scores, count), limit), limit);
                    }).map(rest -> {
                        List<ItemSummary> all = new ArrayList<>(best);
                        all.addAll(rest);
                        return pageOf(all, query);
                    });
        });
    }

    /** The best {@code limit} of the matches that pass the filter, in the order of relevance. */
    private Uni<List<ItemSummary>> passingIn(String where, List<Object> whereParams, PackedLists.Best matches, int limit) {
        List<Object> params = new ArrayList<>(whereParams);
        params.add(Arrays.stream(matches.itemNos()).boxed().toArray(Integer[]::new));
        params.add(Arrays.stream(matches.scores()).boxed().toArray(Integer[]::new));
        // the filter is tested in an index alone (they hold every filter column); only the passing rows are read
        String sql = "SELECT " + COLUMNS + " FROM (SELECT i.id, i.updated_at, r.score FROM unnest($" + (params.size() - 1) + "::int[], $"
                + params.size() + "::int[]) AS r (no, score) JOIN item i ON i.item_no = r.no AND " + where + " ORDER BY "
                + order(ItemQuery.Sort.RELEVANCE, "i", "r.score") + " LIMIT " + limit + ") p JOIN item i ON i.id = p.id"
                + " LEFT JOIN topic t ON t.id = i.topic_id ORDER BY " + order(ItemQuery.Sort.RELEVANCE, "p", "p.score");
        return pool.preparedQuery(sql).execute(Tuple.from(params)).map(result -> {
            List<ItemSummary> passed = new ArrayList<>();
            result.forEach(row -> passed.add(summary(row)));
            return passed;
        });
    }

    /** The page of the best items so far (the page, those before it, and one more if another page follows). */
    private static ItemPage pageOf(List<ItemSummary> best, ItemQuery query) {
        int first = Math.min(best.size(), query.page() * query.size());
        int last = Math.min(best.size(), first + query.size());
        return new ItemPage(best.subList(first, last), query.page(), query.size(), best.size() > last);
    }

    /** The query as PostgreSQL parsed it, and its words (not the negated ones) with their term ids in the tenant, if any. */
    private static final String WORDS = """
            WITH q AS (SELECT websearch_to_tsquery('english', $2)::text AS query)
            SELECT q.query, w.lexeme, st.id AS term_id
            FROM q LEFT JOIN LATERAL (SELECT DISTINCT replace(m[2], '''''', '''') AS lexeme
                                      FROM regexp_matches(q.query, '(!?)''((?:[^'']|'''')*)''', 'g') AS m WHERE m[1] = '') w ON true
            LEFT JOIN search_term st ON st.tenant_id = $1 AND st.lexeme = w.lexeme""";

    /** One round of the threshold algorithm: the next batch of every list not read to its end, each item met scored. */
    private Uni<ItemPage> readLists(Filter filter, String where, ItemQuery query, String rank, QueryWords words, RelevanceTopK run,
            int[] offsets, int batch) {
        List<Integer> reading = new ArrayList<>();
        for (int list = 0; list < offsets.length; list++) {
            if (!run.exhausted(list)) {
                reading.add(list);
            }
        }
        List<Object> params = new ArrayList<>(filter.params);
        params.add(reading.stream().map(list -> words.termIds()[list]).toArray(Integer[]::new));
        params.add(reading.stream().map(list -> offsets[list]).toArray(Integer[]::new));
        params.add(run.bar());
        // per list: entries read and the last impact; then how many items were met and matched; then the matches that
        // can still make the best k (at or above the k-th best score so far): the rest need not leave the database
        String sql = "WITH batch AS MATERIALIZED (SELECT q.n, e.item_id, e.impact"
                + " FROM unnest($" + (params.size() - 2) + "::int[], $" + (params.size() - 1) + "::int[]) WITH ORDINALITY AS q (term_id, skip, n)"
                + " CROSS JOIN LATERAL (SELECT e.item_id, e.impact FROM item_term e WHERE e.term_id = q.term_id"
                + " ORDER BY e.impact DESC, e.updated_at DESC, e.item_id LIMIT " + batch + " OFFSET q.skip) e),"
                + " met AS MATERIALIZED (SELECT b.item_id, i.updated_at, CASE WHEN i.id IS NOT NULL THEN " + rank + " END AS score"
                + " FROM (SELECT DISTINCT item_id FROM batch) b LEFT JOIN item i ON i.id = b.item_id AND " + where + ")"
                + " SELECT n, count(*) AS read, max(impact) AS first, min(impact) AS last, NULL::uuid AS item_id, NULL::timestamptz AS updated_at,"
                + " NULL::int AS score FROM batch GROUP BY n"
                + " UNION ALL SELECT NULL, count(*), NULL, count(score), NULL, NULL, NULL FROM met"
                + " UNION ALL SELECT NULL, NULL, NULL, NULL, item_id, updated_at, score FROM met WHERE score >= $" + params.size();
        return pool.preparedQuery(sql).execute(Tuple.from(params)).chain(rows -> {
            boolean[] answered = new boolean[offsets.length];
            long thresholdBefore = 0; // at the first entry of this round in every list
            long entries = 0;
            for (Row row : rows) {
                if (row.getInteger("n") != null) {
                    int list = reading.get(row.getInteger("n") - 1);
                    int read = row.getLong("read").intValue();
                    offsets[list] += read;
                    entries += read;
                    thresholdBefore += (long) words.weights()[list] * row.getInteger("first");
                    answered[list] = true;
                    run.read(list, row.getInteger("last"), read < batch);
                } else if (row.getUUID("item_id") == null) {
                    run.met(row.getLong("read"), row.getLong("last"));
                } else {
                    run.match(row.getUUID("item_id"), row.getOffsetDateTime("updated_at"), row.getInteger("score"));
                }
            }
            long listsRead = 0;
            for (int list : reading) {
                if (!answered[list]) {
                    run.read(list, 0, true); // read to its end in an earlier round
                }
                listsRead += offsets[list];
            }
            return switch (run.step()) {
                case DECIDED -> rowsOf(run.best(), query);
                case TIED -> tied(filter, where, query, rank, words, run);
                // go on while the lists look closer to a decision than scoring every match is to an answer (the words
                // rarely meet at the heads of their lists, or the other filters rarely pass there)
                case MORE -> listsRead > MAX_LIST_READ
                        || run.predictedEntries(thresholdBefore, entries) > FULL_SCORING_COST * run.estimatedMatches(words.candidates())
                                ? scored(filter, query, rank)
                                : readLists(filter, where, query, rank, words, run, offsets, Math.min(4 * batch, MAX_BATCH));
            };
        });
    }

    /** The rest of a tie, from one list at the tie's impact, in the list order (that of the page). */
    private Uni<ItemPage> tied(Filter filter, String where, ItemQuery query, String rank, QueryWords words, RelevanceTopK run) {
        List<Object> params = new ArrayList<>(filter.params);
        params.add(words.termIds()[run.tieList()]);
        params.add((short) run.tieImpact());
        params.add(run.tie());
        String sql = "SELECT e.item_id, i.updated_at FROM item_term e JOIN item i ON i.id = e.item_id WHERE e.term_id = $" + (params.size() - 2)
                + " AND e.impact = $" + (params.size() - 1) + " AND " + where + " AND " + rank + " = $" + params.size()
                + " ORDER BY e.impact DESC, e.updated_at DESC, e.item_id LIMIT " + run.tieNeeded();
        return pool.preparedQuery(sql).execute(Tuple.from(params)).chain(rows -> {
            List<RelevanceTopK.Ranked> walked = new ArrayList<>();
            rows.forEach(row -> walked.add(new RelevanceTopK.Ranked(row.getUUID("item_id"), row.getOffsetDateTime("updated_at"), run.tie())));
            return rowsOf(run.withTied(walked), query);
        });
    }

    /**
     * The words of a query that some item of the tenant holds: term ids, list lengths and weights (BM25's idf, from
     * {@link WordStatistics}). {@code missingWordRequired}: a word no item holds, in a query that needs every word.
     */
    private record QueryWords(Integer[] termIds, long[] lengths, int[] weights, String parsed, boolean negated, boolean everyWord,
            boolean missingWordRequired) {

        private static final Pattern WORD = Pattern.compile("'(?:[^']|'')*'");

        /**
         * The text condition through the item's term ids: all of them for words joined by "and", any for words joined by
         * "or"; else (phrases, groups) the text condition itself.
         */
        String termCondition(String textCondition) {
            // integers of our own: written into the statement, so that the filter's parameters stay those of its conditions
            String ids = "ARRAY" + Arrays.toString(termIds) + "::int[]";
            // the text's parameter ($2) still appears, typed: PostgreSQL refuses a statement with a parameter it never sees
            if (joinedOnlyBy('&')) {
                return "i.search_terms @> " + ids + " AND $2::text IS NOT NULL";
            }
            if (joinedOnlyBy('|')) {
                return "i.search_terms && " + ids + " AND $2::text IS NOT NULL";
            }
            return textCondition;
        }

        /** Plain words joined by this operator alone (no phrase, group or negation). */
        boolean joinedOnlyBy(char operator) {
            return WORD.matcher(parsed).replaceAll("").strip().chars().allMatch(c -> c == operator || c == ' ');
        }

        /** The most items that can match: those of the shortest list if every word is needed, else of all lists. */
        long candidates() {
            return everyWord ? Arrays.stream(lengths).min().orElse(0) : Arrays.stream(lengths).sum();
        }

        static Uni<QueryWords> of(RowSet<Row> rows, String tenantId, WordStatistics statistics, Pool pool) {
            List<Integer> termIds = new ArrayList<>();
            String parsed = "";
            boolean missing = false;
            for (Row row : rows) {
                parsed = row.getString("query");
                if (row.getString("lexeme") != null) {
                    if (row.getInteger("term_id") == null) {
                        missing = true;
                    } else {
                        termIds.add(row.getInteger("term_id"));
                    }
                }
            }
            boolean negated = parsed.contains("!");
            boolean everyWord = !parsed.contains("|");
            boolean missingWordRequired = missing && everyWord;
            Integer[] ids = termIds.toArray(Integer[]::new);
            String query = parsed;
            return statistics.of(tenantId, ids, pool).map(stats -> {
                long[] lengths = new long[ids.length];
                int[] weights = new int[ids.length];
                for (int i = 0; i < ids.length; i++) {
                    lengths[i] = stats.itemsWith(ids[i]);
                    weights[i] = weight(lengths[i], stats.items());
                }
                return new QueryWords(ids, lengths, weights, query, negated, everyWord, missingWordRequired);
            });
        }

        /** BM25's idf, times 100 and rounded (at least 1): rarer words weigh more. */
        static int weight(long itemsWithWord, long items) {
            double idf = Math.log(1 + (Math.max(items, itemsWithWord) - itemsWithWord + 0.5) / (itemsWithWord + 0.5));
            return (int) Math.max(1, Math.round(100 * idf));
        }

        /** The score of the item "i": weight × the word's impact in the item, summed over the words, bound in the filter. */
        String rank(Filter filter) {
            StringBuilder rank = new StringBuilder("(0");
            for (int i = 0; i < termIds.length; i++) {
                rank.append(" + coalesce(i.search_impacts[array_position(i.search_terms, ").append(filter.bind(termIds[i])).append("::int)], 0)::int * ")
                        .append(filter.bind(weights[i])).append("::int");
            }
            return rank.append(")").toString();
        }
    }

    /** The page's part of the ranked ids, with their listing columns, in the ranked order. */
    private Uni<ItemPage> rowsOf(List<RelevanceTopK.Ranked> ranked, ItemQuery query) {
        List<RelevanceTopK.Ranked> slice = ranked.subList(Math.min(query.page() * query.size(), ranked.size()), ranked.size());
        if (slice.isEmpty()) {
            return Uni.createFrom().item(new ItemPage(List.of(), query.page(), query.size(), false));
        }
        UUID[] ids = slice.stream().map(RelevanceTopK.Ranked::id).toArray(UUID[]::new);
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM unnest($1::uuid[]) WITH ORDINALITY AS r(id, n) JOIN item i ON i.id = r.id"
                + " LEFT JOIN topic t ON t.id = i.topic_id ORDER BY r.n").execute(Tuple.of(ids)).map(rows -> page(rows, query));
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

    /**
     * Relevance by scoring every match (through the full-text index); only ids and scores are sorted, the listing columns
     * are read for the page alone. Planned for its values: the plan for no values in particular also read the tenant's
     * whole topic index (+13 ms of 45).
     */
    private Uni<ItemPage> scored(Filter filter, ItemQuery query, String rank) {
        List<Object> params = new ArrayList<>(filter.params);
        params.add(query.size() + 1);
        params.add((long) query.page() * query.size());
        String sql = "SELECT " + COLUMNS + " FROM (SELECT i.id, i.updated_at, " + rank + " AS score FROM item i WHERE " + filter.where
                + " ORDER BY " + order(ItemQuery.Sort.RELEVANCE, "i", rank) + " LIMIT $" + (params.size() - 1) + " OFFSET $" + params.size()
                + ") s JOIN item i ON i.id = s.id LEFT JOIN topic t ON t.id = i.topic_id ORDER BY " + order(ItemQuery.Sort.RELEVANCE, "s", "s.score");
        return plannedForValues(sql, params).map(rows -> page(rows, query));
    }

    /**
     * The statement planned for its parameters' values each time. After five runs PostgreSQL plans a cached statement for
     * no values in particular when that plan looks no dearer, and it then guesses what a value matches; planning every
     * statement so instead cost the plain lists more than it saves (0.5 ms).
     */
    private Uni<RowSet<Row>> plannedForValues(String sql, List<Object> params) {
        return pool.withTransaction(connection -> connection.query("SET LOCAL plan_cache_mode = force_custom_plan").execute()
                .chain(() -> connection.preparedQuery(sql).execute(Tuple.from(params))));
    }

    /** The index walk in the requested order, for dense matches and unfiltered lists. */
    private Uni<ItemPage> ordered(Filter filter, ItemQuery query) {
        List<Object> params = new ArrayList<>(filter.params);
        params.add(query.size() + 1); // one more than a page tells whether another page follows
        params.add((long) query.page() * query.size());
        String sql = "SELECT " + COLUMNS + " FROM item i LEFT JOIN topic t ON t.id = i.topic_id WHERE " + filter.where
                + " ORDER BY " + order(query.sort(), "i", "0") + " LIMIT $" + (params.size() - 1) + " OFFSET $" + params.size();
        return pool.preparedQuery(sql).execute(Tuple.from(params)).map(rows -> page(rows, query));
    }

    private static String order(ItemQuery.Sort sort, String alias, String rank) {
        return switch (sort) {
            case CREATED -> alias + ".created_at DESC, " + alias + ".id";
            case RELEVANCE -> rank + " DESC, " + alias + ".updated_at DESC, " + alias + ".id";
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
        /** The topic subtree's bounds, the topic's path and the least path after its subtree's; null without one. */
        String[] subtree;
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
