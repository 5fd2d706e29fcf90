package io.qbank.analytics.messaging;

import static io.qbank.common.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.qbank.common.events.AnswerSubmitted;
import io.qbank.common.events.ItemFlagged;
import io.qbank.common.events.ItemOption;
import io.qbank.common.events.ItemPublished;
import io.qbank.common.events.ItemServed;
import io.qbank.common.events.QuizCompleted;
import io.qbank.common.events.QuizStarted;
import io.qbank.common.events.ReviewRecorded;
import io.qbank.common.testing.TestEvents;
import io.qbank.common.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Five students sit the same 4-item linear quiz, with the score patterns of the KR-20 example worked by hand in
 * ClassicalStatisticsTest (1111, 1110, 1100, 1000, 0000), through Kafka into the facts and rollups.
 */
@QuarkusTest
public class AnalyticsIngestTest {

    public static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");

    /** JSON numbers as doubles, so that statistics compare at full precision. */
    static final RestAssuredConfig DOUBLES = RestAssuredConfig.config().jsonConfig(JsonConfig.jsonConfig().numberReturnType(NumberReturnType.DOUBLE));

    @Inject
    Pool db;

    final String tenant = "t-" + UUID.randomUUID();
    final UUID root = UUID.randomUUID(), cardiology = UUID.randomUUID();
    final List<UUID> items = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
    final List<UUID> students = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());

    public static ItemPublished published(UUID item, String tenant, UUID topic, List<UUID> path, String exam) {
        List<ItemOption> options = List.of(new ItemOption("A", "a", true, null), new ItemOption("B", "b", false, null),
                new ItemOption("C", "c", false, null), new ItemOption("D", "d", false, null));
        return new ItemPublished(item, 1, tenant, List.of(exam), topic, "Cardiology", "CV", "stem", "lead-in", options, "A", "why", "medium",
                3, AT, path, null, List.of(), null, List.of(), List.of(), List.of(), "human");
    }

    private RequestSpecification as(UUID user, String tenantId, String... roles) {
        return given().config(DOUBLES).header("Authorization", TestTokens.bearer(user, tenantId, roles));
    }

    private RequestSpecification as(String... roles) {
        return as(UUID.randomUUID(), tenant, roles);
    }

    private long scalar(String sql, Object... args) {
        return db.preparedQuery(sql).execute(Tuple.from(args)).await().indefinitely().iterator().next().getLong(0);
    }

    /** Sends one linear quiz: started, 4 × (served, answered), completed; returns the answers. */
    private List<AnswerSubmitted> sit(TestEvents events, UUID student, int score) {
        UUID quiz = UUID.randomUUID();
        String key = student.toString();
        events.send(tenant, key, quiz.toString(), new QuizStarted(quiz, tenant, student, "EX1", "exam", false, 4, null, AT));
        List<AnswerSubmitted> answers = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            boolean correct = p < score;
            events.send(tenant, key, quiz.toString(), new ItemServed(quiz, tenant, student, p + 1, items.get(p), 1, cardiology, 0, AT));
            AnswerSubmitted a = new AnswerSubmitted(UUID.randomUUID(), quiz, tenant, student, p + 1, items.get(p), 1, cardiology, "EX1",
                    correct ? "A" : "B", correct, null, 1000L * (p + 1), 0, score / 4.0, 0.5, "medium", "exam", AT.plusSeconds(p));
            events.send(tenant, key, quiz.toString(), a);
            answers.add(a);
        }
        QuizCompleted completed = new QuizCompleted(quiz, tenant, student, "EX1", 4, score, score / 4.0, 0.5, "finished", AT);
        events.send(tenant, key, quiz.toString(), completed);
        events.send(tenant, key, quiz.toString(), completed); // re-sent under a new ce_id, most likely in the same poll: one sitting
        return answers;
    }

    @Test
    void aLinearQuizCohortFeedsEveryRollupOnceAndOnlyForItsTenant() {
        UUID admin = UUID.randomUUID();
        as(admin, tenant, "admin").contentType("application/json").body(Map.of("userIds", students.subList(0, 2)))
                .put("/api/v1/analytics/cohorts/class-a/members").then().statusCode(200).body("assigned", equalTo(2));
        as(admin, tenant, "admin").get("/api/v1/analytics/cohorts/members").then().statusCode(200)
                .body("cohort", equalTo(List.of("class-a", "class-a")))
                .body("userId", org.hamcrest.Matchers.containsInAnyOrder(students.get(0).toString(), students.get(1).toString()));
        assertProblem(as("publisher").get("/api/v1/analytics/cohorts/members").then(), 403);
        as(UUID.randomUUID(), "other-" + tenant, "admin").get("/api/v1/analytics/cohorts/members").then().statusCode(200).body("size()", equalTo(0));
        try (TestEvents events = new TestEvents()) {
            for (UUID item : items) {
                events.send(tenant, item.toString(), item + "/1", published(item, tenant, cardiology, List.of(root, cardiology), "EX1"));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> scalar("SELECT count(*) FROM item_dim WHERE tenant_id = $1", tenant) == 4);
            List<AnswerSubmitted> first = null;
            for (int s = 0; s < 5; s++) {
                List<AnswerSubmitted> answers = sit(events, students.get(s), 4 - s);
                first = first == null ? answers : first;
            }
            // the same answer again: under a new ce_id (a re-send) and under its old one cannot count twice
            events.send(tenant, students.get(0).toString(), "again", first.get(0));
            UUID flag = UUID.randomUUID();
            ItemFlagged flagged = new ItemFlagged(flag, items.get(0), 1, tenant, students.get(1), "ambiguous", null, "delivery", AT);
            events.send(tenant, items.get(0).toString(), "flag", flagged);
            events.send(tenant, items.get(0).toString(), "flag", flagged);
            for (int r = 0; r < 3; r++) {
                events.send(tenant, students.get(0).toString(), "review", new ReviewRecorded(UUID.randomUUID(), tenant, students.get(0),
                        items.get(r), 1, "sm2", r < 2 ? 4 : 1, r < 2, 1, AT, "review", AT, false));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> scalar("SELECT count(*) FROM linear_form WHERE tenant_id = $1 AND examinees = 5", tenant) == 1
                    && scalar("SELECT coalesce(sum(flags), 0) FROM item_version_stats WHERE tenant_id = $1", tenant) == 1
                    && scalar("SELECT coalesce(sum(reviews), 0) FROM review_daily WHERE tenant_id = $1", tenant) == 3);
        }
        assertThat(scalar("SELECT count(*) FROM response_fact WHERE tenant_id = $1", tenant)).isEqualTo(20);

        // item 1: answered right by the students who scored 4, 3, 2, 1; rest scores 1, 2/3, 1/3, 0, 0
        // point-biserial (hand): n 5, Σx 4, Σs 2, Σs² 14/9, Σxs 2 → 2 / √(4 · 34/9) = 0.514496
        as("publisher").get("/api/v1/analytics/items/" + items.get(0) + "/versions/1").then().statusCode(200)
                .body("attempts", equalTo(5)).body("pValue", closeTo(0.8, 1e-9)).body("pointBiserial", closeTo(0.514496, 1e-5))
                .body("choseA", equalTo(4)).body("choseB", equalTo(1)).body("meanTimeMs", closeTo(1000.0, 1e-9))
                .body("flags", equalTo(1)).body("exposureRate", closeTo(1.0, 1e-9)).body("scored", equalTo(5))
                // upper–lower: groups of round(0.27 · 5) = 1; top (rest 1) right, bottom (rest 0, first of the tie) wrong or right
                .body("upperLower", org.hamcrest.Matchers.anyOf(closeTo(1.0, 1e-9), closeTo(0.0, 1e-9)))
                // not calibrated yet; too few answers for the statistics to call for attention, but served in every quiz
                .body("irtModel", equalTo(null)).body("a", equalTo(null)).body("optionCount", equalTo(4))
                .body("exposureTarget", closeTo(0.25, 1e-9)).body("attention", equalTo(List.of("in 100 % of tests, over its target of 25 %")));
        // the distractor analysis: 1, 3 and 1 respondents by rest score; the strongest chose the key
        as("publisher").get("/api/v1/analytics/items/" + items.get(0) + "/versions/1/groups").then().statusCode(200)
                .body("group", equalTo(List.of("lower", "middle", "upper"))).body("respondents", equalTo(List.of(1, 3, 1)))
                .body("[2].choseA", equalTo(1)).body("[2].pValue", closeTo(1.0, 1e-9))
                .body("choseA.sum()", equalTo(4)).body("choseB.sum()", equalTo(1));
        assertProblem(as("publisher").get("/api/v1/analytics/items/" + UUID.randomUUID() + "/versions/1/groups").then(), 404);
        // KR-20 of the form: 0.8 (ClassicalStatisticsTest)
        as("admin").get("/api/v1/analytics/reliability?examCode=EX1").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].items", equalTo(4)).body("[0].examinees", equalTo(5))
                .body("[0].meanScore", closeTo(2.0, 1e-9)).body("[0].kr20", closeTo(0.8, 1e-9));
        // cohorts: 2 students in class-a (scores 4 and 3), 3 unassigned (2, 1, 0)
        as("publisher").get("/api/v1/analytics/cohorts/daily?from=2026-11-20&to=2026-11-20").then().statusCode(200)
                .body("size()", equalTo(2))
                .body("find { it.cohort == 'class-a' }.attempts", equalTo(8)).body("find { it.cohort == 'class-a' }.correct", equalTo(7))
                .body("find { it.cohort == 'class-a' }.activeUsers", equalTo(2))
                .body("find { it.cohort == 'unassigned' }.attempts", equalTo(12)).body("find { it.cohort == 'unassigned' }.correct", equalTo(3));
        // the rollups agree with the facts they were built from
        assertThat(scalar("SELECT sum(attempts) FROM cohort_daily WHERE tenant_id = $1", tenant))
                .isEqualTo(scalar("SELECT count(*) FROM response_fact WHERE tenant_id = $1", tenant));
        assertThat(scalar("SELECT sum(correct) FROM item_version_stats WHERE tenant_id = $1", tenant))
                .isEqualTo(scalar("SELECT count(*) FROM response_fact WHERE tenant_id = $1 AND correct", tenant));
        assertThat(scalar("SELECT sum(attempts) FROM student_topic WHERE tenant_id = $1 AND topic_id = $2", tenant, root))
                .isEqualTo(20);
        // mastery: the best student, on the topic and on its parent
        UUID best = students.get(0);
        as(best, tenant, "student").get("/api/v1/analytics/students/me/mastery").then().statusCode(200)
                .body("size()", equalTo(2)).body("find { it.topicId == '" + root + "' }.attempts", equalTo(4))
                .body("find { it.topicId == '" + cardiology + "' }.accuracy", closeTo(1.0, 1e-9))
                .body("find { it.topicId == '" + cardiology + "' }.mastery", closeTo(5.0 / 6, 1e-9));
        // the tenant's mastery by topic: five students on each of the two topics, 10 of 20 answers right
        as("publisher").get("/api/v1/analytics/topics/mastery").then().statusCode(200)
                .body("size()", equalTo(2)).body("students", equalTo(List.of(5, 5))).body("attempts", equalTo(List.of(20, 20)))
                .body("[0].correct", equalTo(10)).body("[0].accuracy", closeTo(0.5, 1e-9))
                // mastery (c + 1) / 6 for 4, 3, 2, 1, 0 right of 4: mean 3/6; students under one half: those with 1 and 0
                .body("[0].meanMastery", closeTo(0.5, 1e-9)).body("[0].belowHalf", equalTo(2));
        assertProblem(as(best, tenant, "student").get("/api/v1/analytics/topics/mastery").then(), 403);
        as(UUID.randomUUID(), "other-" + tenant, "publisher").get("/api/v1/analytics/topics/mastery").then().statusCode(200).body("size()", equalTo(0));
        // percentile rank: 4 of 5 below, 1 equal (itself) → 90
        as(best, tenant, "student").get("/api/v1/analytics/students/me/standing").then().statusCode(200)
                .body("percentileRank", closeTo(90.0, 1e-9)).body("peers", equalTo(5)).body("accuracy", closeTo(1.0, 1e-9));
        // the dashboard by topic and by the topic's blueprint code (from the published items), against the default pace
        as(best, tenant, "student").get("/api/v1/analytics/students/me/progress?examCode=EX1").then().statusCode(200)
                .body("topics[0].topic", equalTo("Cardiology")).body("topics[0].blueprintCode", equalTo("CV"))
                .body("blueprints.size()", equalTo(1)).body("blueprints[0].blueprintCode", equalTo("CV"))
                .body("blueprints[0].attempts", equalTo(4)).body("blueprints[0].correct", equalTo(4)).body("examPaceMs", equalTo(90000));
        // retention: 2 of 3 reviews recalled
        as("publisher").get("/api/v1/analytics/reviews/retention?from=2026-11-20&to=2026-11-20").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].scheduler", equalTo("sm2")).body("[0].retention", closeTo(2.0 / 3, 1e-9));
        // CSV of a table view
        String csv = as("publisher").accept("text/csv").get("/api/v1/analytics/items?examCode=EX1").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        assertThat(csv.split("\r\n")).hasSize(5);
        assertThat(csv).startsWith("itemId,version,topic,correctLabel,attempts,pValue,pointBiserial,upperLower,");

        // another student's mastery is not there for a student; another tenant sees nothing
        assertProblem(as(students.get(1), tenant, "student").get("/api/v1/analytics/students/" + best + "/mastery").then(), 404);
        as(students.get(1), tenant, "publisher").get("/api/v1/analytics/students/" + best + "/mastery").then().statusCode(200)
                .body("size()", equalTo(2));
        String other = "other-" + UUID.randomUUID();
        as(UUID.randomUUID(), other, "publisher").get("/api/v1/analytics/items").then().statusCode(200).body("size()", equalTo(0));
        assertProblem(as(UUID.randomUUID(), other, "publisher").get("/api/v1/analytics/items/" + items.get(0) + "/versions/1").then(), 404);
        assertProblem(as(UUID.randomUUID(), other, "publisher").get("/api/v1/analytics/items/" + items.get(0) + "/versions/1/groups").then(), 404);
        as(UUID.randomUUID(), other, "admin").get("/api/v1/analytics/reliability").then().statusCode(200).body("size()", equalTo(0));
        assertProblem(as(best, other, "student").get("/api/v1/analytics/students/me/standing").then(), 404);
        // a student of this tenant is not one of another tenant's: their id answers 404 there, as an unknown one does here
        assertProblem(as(UUID.randomUUID(), other, "publisher").get("/api/v1/analytics/students/" + best + "/mastery").then(), 404);
        assertProblem(as(UUID.randomUUID(), other, "admin").get("/api/v1/analytics/students/" + best + "/standing").then(), 404);
        assertProblem(as(UUID.randomUUID(), tenant, "publisher").get("/api/v1/analytics/students/" + UUID.randomUUID() + "/mastery").then(), 404);
        // the caller's own mastery without answers is empty, not missing
        as(best, other, "student").get("/api/v1/analytics/students/me/mastery").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void rolesAndBadInput() {
        assertProblem(given().get("/api/v1/analytics/items").then(), 401);
        assertProblem(as("student").get("/api/v1/analytics/items").then(), 403);
        assertProblem(as("author").get("/api/v1/analytics/reliability").then(), 403);
        assertProblem(as("student").get("/api/v1/analytics/reviews/retention").then(), 403);
        assertProblem(as("publisher").contentType("application/json").body(Map.of("userIds", List.of(UUID.randomUUID())))
                .put("/api/v1/analytics/cohorts/x/members").then(), 403);
        assertProblem(as("admin").contentType("application/json").body(Map.of("userIds", List.of()))
                .put("/api/v1/analytics/cohorts/x/members").then(), 400);
        assertProblem(as("admin").contentType("application/json").body("{\"userIds\": [\"not-a-uuid\"]}")
                .put("/api/v1/analytics/cohorts/x/members").then(), 400);
        assertProblem(as("admin").contentType("application/json").body("{").put("/api/v1/analytics/cohorts/x/members").then(), 400);
        assertProblem(as("admin").get("/api/v1/analytics/items?size=0").then(), 400);
        assertProblem(as("admin").get("/api/v1/analytics/reviews/retention?to=tomorrow").then(), 400);
        assertProblem(as("student").get("/api/v1/analytics/students/nobody/mastery").then(), 400);
        Row none = db.preparedQuery("SELECT count(*) FROM cohort_member WHERE cohort = 'x'").execute().await().indefinitely().iterator().next();
        assertThat(none.getLong(0)).as("nothing written by refused requests").isZero();
        assertProblem(as("admin").get("/api/v1/analytics/items/" + UUID.randomUUID() + "/versions/1").then(), 404);
    }

    @Test
    void personalReviewsCountInRetentionApartAndARemovedQuestionTakesItsReviewsWithIt() {
        UUID learner = students.get(0), mine = UUID.randomUUID(), kept = UUID.randomUUID();
        try (TestEvents events = new TestEvents()) {
            ReviewRecorded bank = new ReviewRecorded(UUID.randomUUID(), tenant, learner, items.get(0), 1, "fsrs", 4, true, 3, AT, "review", AT, false);
            events.send(tenant, learner.toString(), "bank", bank);
            for (int r = 0; r < 3; r++) {
                events.send(tenant, learner.toString(), "mine-" + r, new ReviewRecorded(UUID.randomUUID(), tenant, learner, r < 2 ? mine : kept, 1,
                        "fsrs", r == 0 ? 4 : 1, r == 0, 1, AT, "review", AT, true));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> scalar("SELECT coalesce(sum(reviews), 0) FROM review_daily WHERE tenant_id = $1", tenant) == 4);
            as("publisher").get("/api/v1/analytics/reviews/retention?from=2026-11-20&to=2026-11-20").then().statusCode(200)
                    .body("size()", equalTo(2)).body("personal", equalTo(List.of(false, true))).body("reviews", equalTo(List.of(1, 3)))
                    .body("[1].retention", closeTo(1.0 / 3, 1e-9));

            events.send(tenant, mine.toString(), "removed", io.qbank.common.events.PersonalItemChanged.removed(mine, tenant, learner, 1, AT));
            await().atMost(Duration.ofSeconds(30)).until(() -> scalar("SELECT count(*) FROM review_fact WHERE item_id = $1", mine) == 0
                    && scalar("SELECT count(*) FROM removed_personal_item WHERE item_id = $1", mine) == 1);
            // a review of it still on its way when it was removed is not counted
            events.send(tenant, learner.toString(), "late", new ReviewRecorded(UUID.randomUUID(), tenant, learner, mine, 1, "fsrs", 4, true, 1, AT,
                    "review", AT, true));
            events.send(tenant, learner.toString(), "after", new ReviewRecorded(UUID.randomUUID(), tenant, learner, kept, 1, "fsrs", 4, true, 1, AT,
                    "review", AT, true));
            await().atMost(Duration.ofSeconds(30)).until(() -> scalar("SELECT count(*) FROM review_fact WHERE item_id = $1", kept) == 2);
        }
        assertThat(scalar("SELECT count(*) FROM review_fact WHERE item_id = $1", mine)).isZero();
        as("publisher").get("/api/v1/analytics/reviews/retention?from=2026-11-20&to=2026-11-20").then().statusCode(200)
                .body("reviews", equalTo(List.of(1, 2))).body("[1].retention", closeTo(1.0 / 2, 1e-9));
        // never in the bank's item statistics
        as("publisher").get("/api/v1/analytics/items?size=100").then().statusCode(200).body("itemId", org.hamcrest.Matchers.not(
                org.hamcrest.Matchers.hasItems(mine.toString(), kept.toString())));
    }
}
