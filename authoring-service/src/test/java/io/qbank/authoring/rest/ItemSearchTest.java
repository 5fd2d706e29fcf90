package io.qbank.authoring.rest;

import static io.qbank.authoring.rest.AuthoringClient.BASE;
import static io.qbank.authoring.rest.AuthoringClient.content;
import static io.qbank.common.testing.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ItemSearchTest {

    private final AuthoringClient api = new AuthoringClient();

    @jakarta.inject.Inject
    io.vertx.mutiny.sqlclient.Pool db;

    @Test
    void filtersCombineAndFullTextSearchesStemLeadInAndOptions() {
        String cardio = api.topic("Cardiology", null);
        String renal = api.topic("Renal", null);
        Map<String, Object> dissection = content(cardio, "Tearing chest pain radiating to the back in a hypertensive man.");
        dissection.put("tags", List.of("Emergency"));
        String a = api.createItem(dissection);
        Map<String, Object> nephritic = content(renal, "Cola-coloured urine two weeks after a sore throat.");
        nephritic.put("difficulty", "easy");
        String b = api.createItem(nephritic);
        UUID secondAuthor = UUID.randomUUID();
        String c = api.as(secondAuthor, api.tenant, "author").body(content(cardio, "Exertional chest pressure relieved by rest."))
                .post(BASE + "/items").then().statusCode(201).extract().path("id");
        api.publish(a, 1, "STEP1");

        api.asAuthor().queryParam("q", "chest pain").get(BASE + "/items").then().statusCode(200).body("items.id", equalTo(List.of(a)));
        api.asAuthor().queryParam("q", "chest").queryParam("sort", "relevance").get(BASE + "/items").then().body("items", hasSize(2));
        // options are searched too (every item here has "Pericarditis" as option C)
        api.asAuthor().queryParam("q", "pericarditis").get(BASE + "/items").then().body("items", hasSize(3));
        api.asAuthor().queryParam("q", "urine -throat").get(BASE + "/items").then().body("items", hasSize(0));
        api.asAuthor().queryParam("topicId", cardio).queryParam("state", "draft").get(BASE + "/items").then()
                .body("items.id", equalTo(List.of(c)));
        api.asAuthor().queryParam("state", "published").get(BASE + "/items").then().body("items.id", equalTo(List.of(a)))
                .body("items[0].examCodes", equalTo(List.of("STEP1"))).body("items[0].topicName", equalTo("Cardiology"));
        api.asAuthor().queryParam("examCode", "STEP1").get(BASE + "/items").then().body("items.id", equalTo(List.of(a)));
        api.asAuthor().queryParam("difficulty", "easy").get(BASE + "/items").then().body("items.id", equalTo(List.of(b)));
        api.asAuthor().queryParam("tag", "EMERGENCY").get(BASE + "/items").then().body("items.id", equalTo(List.of(a)));
        api.asAuthor().queryParam("author", secondAuthor.toString()).get(BASE + "/items").then().body("items.id", equalTo(List.of(c)));
        api.asAuthor().queryParam("provenance", "generated").get(BASE + "/items").then().body("items", hasSize(0));
        // two filters that a few matches answer: collected through one index, every other filter tested there
        api.asAuthor().queryParam("tag", "emergency").queryParam("author", api.author.toString()).get(BASE + "/items").then()
                .body("items.id", equalTo(List.of(a)));
        api.asAuthor().queryParam("tag", "emergency").queryParam("author", secondAuthor.toString()).get(BASE + "/items").then()
                .body("items", hasSize(0));
        api.asAuthor().queryParam("examCode", "STEP1").queryParam("topicId", cardio).get(BASE + "/items").then()
                .body("items.id", equalTo(List.of(a)));
        api.asAuthor().queryParam("examCode", "STEP1").queryParam("topicId", renal).get(BASE + "/items").then().body("items", hasSize(0));
        api.asAuthor().queryParam("q", "chest").queryParam("topicId", cardio).queryParam("state", "draft").get(BASE + "/items").then()
                .body("items.id", equalTo(List.of(c)));
        api.asAuthor().queryParam("flagged", "true").get(BASE + "/items").then().body("items", hasSize(0));

        // pages: newest change first, hasNext tells whether to ask again
        api.asAuthor().queryParam("size", 2).get(BASE + "/items").then().body("items", hasSize(2)).body("hasNext", equalTo(true))
                .body("items[0].id", equalTo(a));
        api.asAuthor().queryParam("size", 2).queryParam("page", 1).get(BASE + "/items").then().body("items", hasSize(1))
                .body("hasNext", equalTo(false));
        api.asAuthor().queryParam("sort", "created").get(BASE + "/items").then().body("items.id", equalTo(List.of(c, b, a)));

        // another tenant sees none of it, even with the same words or topic id
        api.as(api.author, "other-" + api.tenant, "author").queryParam("q", "chest").get(BASE + "/items").then().body("items", hasSize(0));
        api.as(api.author, "other-" + api.tenant, "author").queryParam("topicId", cardio).get(BASE + "/items").then().body("items", hasSize(0));
    }

    /** More matches than the search collects in its first step: the pages come from the ordered index walk instead. */
    @Test
    void denseMatchesPageTheSameWay() {
        String topic = api.topic("Dense", null);
        List<Map<String, Object>> items = new java.util.ArrayList<>();
        for (int i = 0; i < 510; i++) {
            Map<String, Object> content = content(topic, "Murmur case number " + i + ".");
            content.put("tags", List.of(i % 2 == 0 ? "even" : "odd"));
            items.add(Map.of("versions", List.of(Map.of("content", content))));
        }
        api.asAuthor().body(items).post("/api/v1/authoring/bulk/items").then().statusCode(201).body("items", equalTo(510));
        api.asAuthor().body(content(topic, "A single tachycardia case.")).post(BASE + "/items").then().statusCode(201);

        List<String> seen = new java.util.ArrayList<>();
        for (int page = 0; page < 6; page++) {
            seen.addAll(api.asAuthor().queryParam("q", "murmur").queryParam("topicId", topic).queryParam("size", 100).queryParam("page", page)
                    .get(BASE + "/items").then().statusCode(200).body("hasNext", equalTo(page < 5)).extract().<List<String>>path("items.id"));
        }
        org.assertj.core.api.Assertions.assertThat(seen).hasSize(510).doesNotHaveDuplicates();
        api.asAuthor().queryParam("tag", "even").queryParam("size", 100).queryParam("page", 2).get(BASE + "/items").then()
                .body("items", hasSize(55)).body("hasNext", equalTo(false));
        api.asAuthor().queryParam("q", "tachycardia").get(BASE + "/items").then().body("items", hasSize(1));

        // relevance over more matches than the bounded step takes: the best match first, every match on some page
        Map<String, Object> strong = content(topic, "Murmur, murmur and murmur again: a murmur case.");
        strong.put("leadIn", "Which murmur is this?");
        String best = api.asAuthor().body(strong).post(BASE + "/items").then().statusCode(201).extract().path("id");
        api.asAuthor().queryParam("q", "murmur").queryParam("sort", "relevance").queryParam("size", 5).get(BASE + "/items").then()
                .statusCode(200).body("items", hasSize(5)).body("items[0].id", equalTo(best)).body("hasNext", equalTo(true));
        List<String> ranked = new java.util.ArrayList<>();
        for (int page = 0; page < 6; page++) {
            ranked.addAll(api.asAuthor().queryParam("q", "murmur").queryParam("topicId", topic).queryParam("sort", "relevance")
                    .queryParam("size", 100).queryParam("page", page).get(BASE + "/items").then().statusCode(200)
                    .extract().<List<String>>path("items.id"));
        }
        // the 510 equal matches follow in the order of the listing (latest change first), across page boundaries
        org.assertj.core.api.Assertions.assertThat(ranked).hasSize(511).doesNotHaveDuplicates().startsWith(best);
        org.assertj.core.api.Assertions.assertThat(ranked.subList(1, 511)).containsExactlyElementsOf(seen);
        List<String> small = new java.util.ArrayList<>();
        for (int page = 0; page < 4; page++) {
            small.addAll(api.asAuthor().queryParam("q", "murmur").queryParam("sort", "relevance").queryParam("size", 7)
                    .queryParam("page", page).get(BASE + "/items").then().statusCode(200).extract().<List<String>>path("items.id"));
        }
        org.assertj.core.api.Assertions.assertThat(small).containsExactlyElementsOf(ranked.subList(0, 28));
    }

    /**
     * Relevance against the score computed here from each item's search vector (BM25 impacts from search_impacts, equal
     * weights: "alpha" and "beta" are in as many items each), over every page, for words that must all match, either word,
     * a phrase and a negated word; ties (a bulk import shares one time) go down to the id.
     */
    @Test
    void relevanceFollowsTheScoreOfEveryMatch() {
        String topic = api.topic("Relevance", null);
        java.util.Random random = new java.util.Random(42);
        String[] filler = { "fever", "cough", "edema", "rash", "syncope", "anemia" };
        List<Map<String, Object>> items = new java.util.ArrayList<>();
        for (int i = 0; i < 70; i++) {
            int alpha = random.nextInt(4);
            int beta = random.nextInt(4);
            int length = random.nextInt(40);
            for (int[] counts : new int[][] { { alpha, beta }, { beta, alpha } }) { // mirrored: as many items hold each word
                StringBuilder stem = new StringBuilder("Case");
                for (int w = 0; w < length; w++) {
                    stem.append(' ').append(filler[random.nextInt(filler.length)]);
                }
                stem.append(" alpha".repeat(counts[0])).append(" beta".repeat(counts[1])).append(counts[0] > 0 && counts[1] > 0 ? " alpha beta." : ".");
                Map<String, Object> content = content(topic, stem.toString());
                content.put("tags", List.of(i % 3 == 0 ? "three" : "other"));
                items.add(Map.of("versions", List.of(Map.of("content", content))));
            }
        }
        api.asAuthor().body(items).post("/api/v1/authoring/bulk/items").then().statusCode(201);
        // a few later ones, so that the order by time is not all one time
        for (int i = 0; i < 6; i++) {
            api.createItem(content(topic, "Late case" + " alpha".repeat(i % 3 + 1) + " beta".repeat(i % 2 + 1) + " alpha beta."));
            api.createItem(content(topic, "Late case" + " beta".repeat(i % 3 + 1) + " alpha".repeat(i % 2 + 1) + " alpha beta."));
        }

        // each query and the words it ranks by (not the negated one)
        Map<String, String[]> queries = Map.of("alpha beta", new String[] { "alpha", "beta" }, "alpha or beta", new String[] { "alpha", "beta" },
                "\"alpha beta\"", new String[] { "alpha", "beta" }, "alpha -beta", new String[] { "alpha" });
        for (String q : queries.keySet()) {
            List<String> expected = scoredHere(q, queries.get(q));
            org.assertj.core.api.Assertions.assertThat(expected).as(q).hasSizeGreaterThan(20);
            org.assertj.core.api.Assertions.assertThat(relevancePages(q, null)).as(q).containsExactlyElementsOf(expected);
        }
        // edits change the words' lists: the best match loses a word, another item gains both, a third is only submitted
        List<String> before = scoredHere("alpha beta", queries.get("alpha beta"));
        api.asAuthor().body(Map.of("baseVersion", 1, "content", content(topic, "Edited case alpha alpha alpha.")))
                .post(BASE + "/items/" + before.get(0) + "/versions").then().statusCode(201);
        String gainer = api.createItem(content(topic, "Case fever."));
        api.asAuthor().body(Map.of("baseVersion", 1, "content", content(topic, "Edited case alpha alpha beta beta alpha beta.")))
                .post(BASE + "/items/" + gainer + "/versions").then().statusCode(201);
        api.act(api.asAuthor(), before.get(1), 1, "submit");
        List<String> after = scoredHere("alpha beta", queries.get("alpha beta"));
        org.assertj.core.api.Assertions.assertThat(after).doesNotContain(before.get(0)).contains(gainer, before.get(1));
        org.assertj.core.api.Assertions.assertThat(relevancePages("alpha beta", null)).containsExactlyElementsOf(after);
        assertPackedListsHoldEveryEntry();
        // with another filter: the matches among the items tagged "three", in the same order
        List<String> tagged = db.preparedQuery("SELECT id::text FROM item WHERE tenant_id = $1 AND tags @> '{three}'")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(api.tenant)).await().indefinitely().stream().map(row -> row.getString(0)).toList();
        List<String> all = relevancePages("alpha or beta", null);
        org.assertj.core.api.Assertions.assertThat(relevancePages("alpha or beta", "three"))
                .containsExactlyElementsOf(all.stream().filter(tagged::contains).toList());
    }

    /**
     * Every one of two words with another filter, over more matches than the collecting step takes (500): the matches are
     * tested against the tag best first, and every page follows the score and the tie-break.
     */
    @Test
    void everyWordWithAFilterPagesByScoreOverManyMatches() {
        String topic = api.topic("Many", null);
        java.util.Random random = new java.util.Random(11);
        for (int batch = 0; batch < 2; batch++) {
            List<Map<String, Object>> items = new java.util.ArrayList<>();
            for (int i = 0; i < 550; i++) {
                Map<String, Object> content = content(topic, "Case" + " fever".repeat(random.nextInt(30)) + " kappa".repeat(1 + random.nextInt(4))
                        + " lambda".repeat(1 + random.nextInt(4)) + ".");
                content.put("tags", List.of(i % 20 == 0 ? "rare" : i % 3 == 0 ? "odd" : "even"));
                items.add(Map.of("versions", List.of(Map.of("content", content))));
            }
            api.asAuthor().body(items).post("/api/v1/authoring/bulk/items").then().statusCode(201);
        }
        List<String> all = scoredHere("kappa lambda", new String[] { "kappa", "lambda" });
        // "even": the first share of the matches fills most pages; "rare" (one item in twenty): the rest are tested at once
        for (var tag : Map.of("even", 100, "rare", 40).entrySet()) {
            List<String> tagged = db.preparedQuery("SELECT id::text FROM item WHERE tenant_id = $1 AND tags @> ARRAY[$2]")
                    .execute(io.vertx.mutiny.sqlclient.Tuple.of(api.tenant, tag.getKey())).await().indefinitely().stream().map(row -> row.getString(0))
                    .toList();
            List<String> expected = all.stream().filter(tagged::contains).toList();
            org.assertj.core.api.Assertions.assertThat(expected).hasSizeGreaterThan(tag.getKey().equals("even") ? 600 : 50);
            org.assertj.core.api.Assertions.assertThat(relevancePages("kappa lambda", "tag", tag.getKey(), tag.getValue())).as(tag.getKey())
                    .containsExactlyElementsOf(expected);
        }
    }

    /**
     * Every one of two words in a topic subtree, where the best matches lie outside it: the subtree's topics' lists keep
     * only its items in the merge, and they follow a version that changes an item's topic and a move of a topic.
     */
    @Test
    void everyWordInASubtreePagesByScoreAndFollowsTopicChanges() {
        String systems = api.topic("Subtree systems", null);
        String heart = api.topic("Subtree heart", systems);
        String valves = api.topic("Subtree valves", heart);
        String kidney = api.topic("Subtree kidney", systems);
        String elsewhere = api.topic("Subtree elsewhere", null);
        java.util.Random random = new java.util.Random(13);
        for (int batch = 0; batch < 2; batch++) {
            List<Map<String, Object>> items = new java.util.ArrayList<>();
            for (int i = 0; i < 450; i++) {
                // outside the subtree, the words weigh more: its own matches come after most of theirs
                boolean outside = i % 3 != 0;
                String topic = outside ? elsewhere : List.of(heart, valves, kidney).get(i % 9 / 3);
                int repeat = outside ? 3 : 1;
                items.add(Map.of("versions", List.of(Map.of("content", content(topic, "Case" + " fever".repeat(random.nextInt(20))
                        + " kappa".repeat(repeat + random.nextInt(3)) + " lambda".repeat(repeat + random.nextInt(3)) + ".")))));
            }
            api.asAuthor().body(items).post("/api/v1/authoring/bulk/items").then().statusCode(201);
        }
        assertSubtreePagesFollowTheScore(systems, heart);

        // an item leaves for the subtree with its next version, and a topic leaves the subtree with its items
        String moved = api.createItem(content(elsewhere, "Moved case kappa kappa lambda lambda."));
        api.asAuthor().body(Map.of("baseVersion", 1, "content", content(kidney, "Moved case kappa kappa kappa lambda lambda lambda.")))
                .post(BASE + "/items/" + moved + "/versions").then().statusCode(201);
        api.asPublisher().body(Map.of("parentId", elsewhere)).post(BASE + "/topics/" + valves + "/move").then().statusCode(200);
        assertPackedListsHoldEveryEntry();
        org.assertj.core.api.Assertions.assertThat(relevancePages("kappa lambda", "topicId", systems, 50)).contains(moved);
        assertSubtreePagesFollowTheScore(systems, heart, elsewhere);
    }

    /** In each topic's subtree, the pages of a relevance search follow the score of its matches there. */
    private void assertSubtreePagesFollowTheScore(String... topics) {
        List<String> all = scoredHere("kappa lambda", new String[] { "kappa", "lambda" });
        for (String topic : topics) {
            List<String> inSubtree = db.preparedQuery("SELECT i.id::text FROM item i JOIN topic t ON t.id = $2"
                    + " WHERE i.tenant_id = $1 AND starts_with(i.topic_path, t.path)")
                    .execute(io.vertx.mutiny.sqlclient.Tuple.of(api.tenant, java.util.UUID.fromString(topic))).await().indefinitely().stream()
                    .map(row -> row.getString(0)).toList();
            List<String> expected = all.stream().filter(inSubtree::contains).toList();
            org.assertj.core.api.Assertions.assertThat(expected).hasSizeGreaterThan(50);
            org.assertj.core.api.Assertions.assertThat(relevancePages("kappa lambda", "topicId", topic, 40)).as(topic)
                    .containsExactlyElementsOf(expected);
        }
    }

    /** Writers that change the same packed rows at once wait for each other: no entry is lost or left behind. */
    @Test
    void packedListsStayExactUnderConcurrentWrites() throws Exception {
        String topic = api.topic("Concurrent", null);
        var writers = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<?>> writes = new java.util.ArrayList<>();
            for (int i = 0; i < 24; i++) {
                int n = i;
                writes.add(writers.submit(() -> {
                    String id = api.createItem(content(topic, "Case gamma delta" + " gamma".repeat(n % 4)));
                    api.asAuthor().body(Map.of("baseVersion", 1, "content", content(topic, "Edited case delta" + " delta".repeat(n % 3))))
                            .post(BASE + "/items/" + id + "/versions").then().statusCode(201);
                }));
            }
            for (var write : writes) {
                write.get();
            }
        } finally {
            writers.shutdown();
        }
        assertPackedListsHoldEveryEntry();
        api.asAuthor().queryParam("q", "case delta").queryParam("sort", "relevance").queryParam("size", 30).get(BASE + "/items").then()
                .body("items", hasSize(24));
        api.asAuthor().queryParam("q", "case gamma").queryParam("sort", "relevance").get(BASE + "/items").then().body("items", hasSize(0));
    }

    /**
     * The tenant's packed lists (term_block) hold exactly one entry per word of each listed item, with its impact, and
     * one in its topic's list.
     */
    private void assertPackedListsHoldEveryEntry() {
        String tenantLists = "SELECT id FROM search_term WHERE tenant_id = $1 UNION ALL SELECT -topic_no FROM topic WHERE tenant_id = $1";
        var differences = db.preparedQuery("WITH packed AS (SELECT b.term_id, substring(b.entries FROM 4 * g + 1 FOR 4) AS entry"
                + " FROM term_block b CROSS JOIN generate_series(0, length(b.entries) / 4 - 1) g WHERE b.term_id IN (" + tenantLists + ")),"
                + " listed AS (SELECT w.term_id, term_entry(i.item_no, w.impact) AS entry FROM item i"
                + " CROSS JOIN unnest(i.search_terms, i.search_impacts) AS w (term_id, impact) WHERE i.tenant_id = $1 AND i.latest_state IS NOT NULL"
                + " UNION ALL SELECT -t.topic_no, term_entry(i.item_no, 0) FROM item i JOIN topic t ON t.id = i.topic_id"
                + " WHERE i.tenant_id = $1 AND i.latest_state IS NOT NULL)"
                + " SELECT (SELECT count(*) FROM packed) AS packed, (SELECT count(*) FROM listed) AS listed,"
                + " (SELECT count(*) FROM (SELECT * FROM packed EXCEPT ALL SELECT * FROM listed) x)"
                + " + (SELECT count(*) FROM (SELECT * FROM listed EXCEPT ALL SELECT * FROM packed) y) AS differences")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(api.tenant)).await().indefinitely().iterator().next();
        org.assertj.core.api.Assertions.assertThat(differences.getLong("listed")).isPositive();
        org.assertj.core.api.Assertions.assertThat(differences.getLong("packed")).isEqualTo(differences.getLong("listed"));
        org.assertj.core.api.Assertions.assertThat(differences.getLong("differences")).isZero();
    }

    /** The ids of the matches of q, by the score computed from each item's search vector over the given words. */
    private List<String> scoredHere(String q, String[] words) {
        return db.preparedQuery("SELECT i.id::text FROM item i WHERE i.tenant_id = $1 AND i.latest_state IS NOT NULL"
                + " AND i.search @@ websearch_to_tsquery('english', $2) ORDER BY (SELECT coalesce(sum(s.impact), 0) FROM search_impacts(i.search) s"
                + " WHERE s.lexeme = ANY($3)) DESC, i.updated_at DESC, i.id")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(api.tenant, q, words)).await().indefinitely()
                .stream().map(row -> row.getString(0)).toList();
    }

    /** Every page of a relevance search, nine items at a time. */
    private List<String> relevancePages(String q, String tag) {
        return relevancePages(q, "tag", tag, 9);
    }

    /** Every page of a relevance search with a filter (none if its value is null), size items at a time. */
    private List<String> relevancePages(String q, String filter, String value, int size) {
        List<String> ids = new java.util.ArrayList<>();
        for (int page = 0;; page++) {
            var request = api.asAuthor().queryParam("q", q).queryParam("sort", "relevance").queryParam("size", size).queryParam("page", page);
            if (value != null) {
                request.queryParam(filter, value);
            }
            var response = request.get(BASE + "/items").then().statusCode(200).extract();
            ids.addAll(response.<List<String>>path("items.id"));
            if (!response.<Boolean>path("hasNext")) {
                return ids;
            }
        }
    }

    /** The queue waits longest first, pages without gaps, and holds only what waits for someone. */
    @Test
    void reviewQueueListsWaitingItemsLongestFirst() {
        String topic = api.topic("Queue", null);
        List<String> submitted = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String id = api.createItem(content(topic, "Waiting case " + i + "."));
            api.act(api.asAuthor(), id, 1, "submit");
            submitted.add(id);
        }
        api.createItem(content(topic, "A draft nobody has to look at yet."));
        api.act(api.asPublisher(), submitted.remove(1), 1, "approve"); // no longer waits for anyone

        List<String> seen = new java.util.ArrayList<>();
        for (int page = 0; page < 2; page++) {
            seen.addAll(api.asPublisher().queryParam("size", 2).queryParam("page", page).get(BASE + "/review-queue").then().statusCode(200)
                    .body("hasNext", equalTo(page == 0)).extract().<List<String>>path("items.id"));
        }
        org.assertj.core.api.Assertions.assertThat(seen).containsExactlyElementsOf(submitted);
    }

    @Test
    void badFiltersAreRefused() {
        assertProblem(api.asAuthor().queryParam("state", "live").get(BASE + "/items").then(), 400);
        assertProblem(api.asAuthor().queryParam("size", 1000).get(BASE + "/items").then(), 400);
        assertProblem(api.asAuthor().queryParam("page", -1).get(BASE + "/items").then(), 400);
        assertProblem(api.asAuthor().queryParam("sort", "random").get(BASE + "/items").then(), 400);
        assertProblem(api.asAuthor().queryParam("topicId", "not-a-uuid").get(BASE + "/items").then(), 400);
        assertProblem(api.asAuthor().get(BASE + "/items/not-a-uuid").then(), 400);
        assertProblem(api.asAuthor().queryParam("q", "x".repeat(201)).get(BASE + "/items").then(), 400);
        assertProblem(api.as(api.author, api.tenant, "student").get(BASE + "/items").then(), 403);
    }
}
