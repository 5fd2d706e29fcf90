package io.qbank.delivery.rest;

import static io.qbank.common.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.qbank.common.events.AnswerSubmitted;
import io.qbank.common.events.CloudEvent;
import io.qbank.common.events.EventType;
import io.qbank.common.events.ItemOption;
import io.qbank.common.events.ItemPublished;
import io.qbank.common.events.ItemRetired;
import io.qbank.common.events.QuizCompleted;
import io.qbank.common.events.Topics;
import io.qbank.common.testing.KafkaTopicReader;
import io.qbank.common.testing.TestEvents;
import io.qbank.common.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
class QuizResourceTest {

    private static final String BASE = DeliveryFixtures.BASE;

    @Inject
    Pool db;

    private DeliveryFixtures f;
    private String tenant;
    private String exam;
    private UUID student;
    private final List<UUID> items = new ArrayList<>();

    /** Publishes a small bank for a fresh tenant and exam code through Kafka, as authoring would. */
    @BeforeEach
    void publishBank() {
        f = new DeliveryFixtures(db);
        tenant = f.tenant;
        exam = f.exam;
        student = f.student;
        List<ItemPublished> bank = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID itemId = UUID.randomUUID();
            items.add(itemId);
            bank.add(published(itemId, 1, List.of(exam), "Stem " + i));
        }
        f.publish(bank);
    }

    private ItemPublished published(UUID itemId, int version, List<String> exams, String stem) {
        return f.item(itemId, version, exams, stem, List.of(UUID.randomUUID()), "medium", 3);
    }

    private long poolSize(String examCode) {
        return f.poolSize();
    }

    private RequestSpecification as(UUID user, String tenantId, String... roles) {
        return f.as(user, tenantId, roles);
    }

    private RequestSpecification asStudent() {
        return f.asStudent();
    }

    private String start(String mode, int length) {
        return asStudent().body(Map.of("examCode", exam, "mode", mode, "length", length)).post(BASE)
                .then().statusCode(201).body("status", equalTo("active")).extract().path("id");
    }

    private Response next(String quizId) {
        return f.next(quizId);
    }

    private Response answer(String quizId, int position, String label) {
        return f.answer(quizId, position, label);
    }

    @Test
    void tutorModeServesWithoutTheKeyAndShowsItRightAfterTheAnswer() {
        String quizId = start("tutor", 2);
        Response served = next(quizId);
        served.then().statusCode(200).body("position", equalTo(1)).body("options.size()", equalTo(4));
        String json = served.asString();
        assertThat(json).doesNotContain("correct").doesNotContain("rationale").doesNotContain("explanation")
                .doesNotContain("because right");
        // a reconnect gets the same unanswered item again
        next(quizId).then().body("itemId", equalTo(served.path("itemId")));

        try (KafkaTopicReader delivery = new KafkaTopicReader(Topics.DELIVERY)) {
            answer(quizId, 1, "B").then().statusCode(200).body("correct", equalTo(false)).body("correctLabel", equalTo("A"))
                    .body("rationale", equalTo("The rationale")).body("options[0].explanation", equalTo("because right"))
                    .body("theta", notNullValue());
            List<CloudEvent> events = delivery.awaitEvents(EventType.ANSWER_SUBMITTED.ceType(), quizId, 1, Duration.ofSeconds(10));
            assertThat(events).hasSize(1);
            AnswerSubmitted submitted = events.get(0).dataAs(AnswerSubmitted.class);
            assertThat(submitted.correct()).isFalse();
            assertThat(submitted.selectedLabel()).isEqualTo("B");
            assertThat(submitted.confidence()).isEqualTo(4);
            assertThat(submitted.timeTakenMs()).isEqualTo(20000);
            assertThat(submitted.itemId()).hasToString(served.path("itemId"));
            assertThat(submitted.thetaAfter()).isLessThan(submitted.thetaBefore());
            assertThat(submitted.userId()).isEqualTo(student);
            assertThat(events.get(0).tenant()).isEqualTo(tenant);
        }
    }

    @Test
    void answersAreIdempotentPerPositionAndCannotBeChanged() {
        String quizId = start("tutor", 3);
        next(quizId).then().statusCode(200);
        String first = answer(quizId, 1, "A").then().statusCode(200).body("correct", equalTo(true)).extract().asString();
        assertThat(answer(quizId, 1, "A").then().statusCode(200).extract().asString()).isEqualTo(first);
        assertProblem(answer(quizId, 1, "C").then(), 409);
        assertProblem(answer(quizId, 2, "A").then(), 422).body("violations.field", hasItem("position"));
        next(quizId).then().statusCode(200).body("position", equalTo(2));
        assertProblem(answer(quizId, 2, "E").then(), 422).body("violations.field", hasItem("selectedLabel"));
        long responses = db.preparedQuery("SELECT count(*) FROM response WHERE quiz_id = $1").execute(Tuple.of(UUID.fromString(quizId)))
                .await().indefinitely().iterator().next().getLong(0);
        assertThat(responses).isEqualTo(1);
    }

    @Test
    void examModeHidesKeysUntilTheEnd() {
        String quizId = start("exam", 2);
        next(quizId).then().statusCode(200);
        String ack = answer(quizId, 1, "A").then().statusCode(200).body("recorded", equalTo(true)).extract().asString();
        assertThat(ack).doesNotContain("correct").doesNotContain("rationale").doesNotContain("theta");
        String midway = asStudent().get(BASE + "/" + quizId + "/results").then().statusCode(200)
                .body("items[0].correctLabel", nullValue()).extract().asString();
        assertThat(midway).doesNotContain("because right").doesNotContain("The rationale");
        asStudent().get(BASE + "/" + quizId).then().body("correct", nullValue()).body("theta", nullValue());
        asStudent().post(BASE + "/" + quizId + "/finish").then().statusCode(200).body("quiz.status", equalTo("completed"))
                .body("items[0].correctLabel", equalTo("A")).body("items[0].correct", equalTo(true))
                .body("items[0].options[0].explanation", equalTo("because right")).body("correct", equalTo(1));
        assertProblem(next(quizId).then(), 409);
        assertProblem(answer(quizId, 2, "A").then(), 409);
    }

    @Test
    void anItemNeverRepeatsAndTheQuizEndsAtItsLength() {
        String quizId = start("tutor", 5);
        Set<String> seen = new HashSet<>();
        for (int position = 1; position <= 5; position++) {
            String itemId = next(quizId).then().statusCode(200).body("position", equalTo(position)).extract().path("itemId");
            assertThat(seen.add(itemId)).as("item served twice").isTrue();
            answer(quizId, position, position % 2 == 0 ? "A" : "B").then().statusCode(200);
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(items.stream().map(UUID::toString).toList());
        asStudent().get(BASE + "/" + quizId).then().body("status", equalTo("completed")).body("answered", equalTo(5))
                .body("correct", equalTo(2));
        assertProblem(next(quizId).then(), 409);
    }

    @Test
    void expiredQuizzesTakeNoMoreAnswers() throws Exception {
        String quizId = asStudent().body(Map.of("examCode", exam, "mode", "exam", "length", 3, "timeLimitSeconds", 30)).post(BASE)
                .then().statusCode(201).extract().path("id");
        next(quizId).then().statusCode(200);
        // move the deadline into the past rather than sleeping through the limit (a change of the row, as any write is: the
        // service's copy of the quiz is then stale, and its guarded write finds out)
        db.preparedQuery("UPDATE quiz SET expires_at = now() - interval '1 second', row_version = row_version + 1 WHERE id = $1")
                .execute(Tuple.of(UUID.fromString(quizId))).await().indefinitely();
        assertProblem(answer(quizId, 1, "A").then(), 409);
        asStudent().get(BASE + "/" + quizId).then().body("status", equalTo("expired"));
        asStudent().get(BASE + "/" + quizId + "/results").then().body("items[0].correctLabel", equalTo("A"));
        // nothing was answered, so the expiry sent a QuizCompleted with no score and said why
        try (KafkaTopicReader delivery = new KafkaTopicReader(Topics.DELIVERY)) {
            String late = asStudent().body(Map.of("examCode", exam, "mode", "exam", "length", 3, "timeLimitSeconds", 30)).post(BASE)
                    .then().statusCode(201).extract().path("id");
            db.preparedQuery("UPDATE quiz SET expires_at = now() - interval '1 second' WHERE id = $1")
                    .execute(Tuple.of(UUID.fromString(late))).await().indefinitely();
            // nobody asks for this one: the sweep expires it
            List<CloudEvent> completed = delivery.awaitEvents(EventType.QUIZ_COMPLETED.ceType(), late, 1, Duration.ofSeconds(20));
            assertThat(completed).hasSize(1);
            assertThat(completed.get(0).dataAs(QuizCompleted.class).reason()).isEqualTo("expired");
            asStudent().get(BASE + "/" + late).then().body("status", equalTo("expired"));
        }
    }

    @Test
    void quizzesArePrivateToTheirStudentAndTenant() {
        String quizId = start("tutor", 1);
        assertProblem(as(UUID.randomUUID(), tenant, "student").get(BASE + "/" + quizId).then(), 404);
        assertProblem(as(UUID.randomUUID(), tenant, "student").post(BASE + "/" + quizId + "/next").then(), 404);
        assertProblem(as(student, "other-" + UUID.randomUUID(), "student").get(BASE + "/" + quizId).then(), 404);
        // the exam's pool is the tenant's own: another tenant has no items for it
        assertProblem(as(student, "other-" + UUID.randomUUID(), "student")
                .body(Map.of("examCode", exam, "mode", "tutor", "length", 1)).post(BASE).then(), 422);
        as(UUID.randomUUID(), tenant, "student").get(BASE).then().statusCode(200).body("size()", equalTo(0));
        asStudent().get(BASE).then().statusCode(200).body("id", hasItem(quizId));
    }

    @Test
    void securityAndBadInput() {
        assertProblem(given().contentType(ContentType.JSON).body(Map.of("examCode", exam)).post(BASE).then(), 401);
        assertProblem(given().header("Authorization", TestTokens.bearerWithoutTenant(student, "student")).get(BASE).then(), 401);
        assertProblem(as(UUID.randomUUID(), tenant, "author").body(Map.of("examCode", exam, "mode", "tutor", "length", 1)).post(BASE).then(), 403);
        assertProblem(asStudent().body("{\"examCode\":").post(BASE).then(), 400);
        assertProblem(asStudent().body(Map.of("examCode", exam, "mode", "party", "length", 0)).post(BASE).then(), 400)
                .body("violations.field", hasItem("mode")).body("violations.field", hasItem("length"));
        assertProblem(asStudent().body(Map.of("examCode", exam, "mode", "tutor", "length", 121)).post(BASE).then(), 400);
        // a tenant id in the body is unknown to the API, never trusted
        assertProblem(asStudent().body(Map.of("examCode", exam, "mode", "tutor", "length", 1, "tenantId", "x")).post(BASE).then(), 400);
        assertProblem(asStudent().get(BASE + "/not-a-uuid").then(), 400);
    }

    @Test
    void thePoolFollowsRetirementsAndNewVersionsAndIgnoresRedeliveries() {
        UUID itemId = items.get(0);
        try (TestEvents events = new TestEvents()) {
            UUID eventId = UUID.randomUUID();
            events.send(eventId, tenant, itemId.toString(), itemId.toString(), published(itemId, 2, List.of(exam), "Stem v2"));
            events.send(eventId, tenant, itemId.toString(), itemId.toString(), published(itemId, 2, List.of(exam), "Stem v2"));
            await().atMost(Duration.ofSeconds(20)).until(() -> liveVersion(itemId) == 2);
            long processed = db.preparedQuery("SELECT count(*) FROM processed_event WHERE event_id = $1").execute(Tuple.of(eventId))
                    .await().indefinitely().iterator().next().getLong(0);
            assertThat(processed).isEqualTo(1);
            events.send(tenant, itemId.toString(), itemId.toString(), new ItemRetired(itemId, 2, tenant, List.of(exam), Instant.now()));
            await().atMost(Duration.ofSeconds(20)).until(() -> poolSize(exam) == 4);
        }
    }

    private int liveVersion(UUID itemId) {
        var rows = db.preparedQuery("SELECT live_version FROM pool_entry WHERE item_id = $1").execute(Tuple.of(itemId))
                .await().indefinitely();
        return rows.size() == 0 ? 0 : rows.iterator().next().getInteger(0);
    }
}
