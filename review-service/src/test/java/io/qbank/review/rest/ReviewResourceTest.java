package io.qbank.review.rest;

import static io.qbank.common.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.qbank.common.events.AnswerSubmitted;
import io.qbank.common.events.EventType;
import io.qbank.common.events.ReviewRecorded;
import io.qbank.common.events.Topics;
import io.qbank.common.testing.KafkaTopicReader;
import io.qbank.common.testing.TestEvents;
import io.qbank.common.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
class ReviewResourceTest {

    private static final String BASE = "/api/v1/reviews";

    @Inject
    Pool db;

    private final String tenant = "t-" + UUID.randomUUID();
    private final UUID student = UUID.randomUUID();

    private AnswerSubmitted answer(UUID itemId, boolean correct, Integer confidence, Instant at) {
        return new AnswerSubmitted(UUID.randomUUID(), UUID.randomUUID(), tenant, student, 1, itemId, 1, UUID.randomUUID(), "DEMO",
                correct ? "A" : "B", correct, confidence, 30_000, 0, 0.3, 0.9, "hard", "tutor", at);
    }

    private RequestSpecification as(UUID user, String tenantId, String... roles) {
        return given().header("Authorization", TestTokens.bearer(user, tenantId, roles));
    }

    private long attempts(UUID itemId) {
        return db.preparedQuery("SELECT count(*) FROM review_attempt WHERE user_id = $1 AND item_id = $2")
                .execute(Tuple.of(student, itemId)).await().indefinitely().iterator().next().getLong(0);
    }

    @Test
    void aDeliveryAnswerCreatesAnSm2ScheduleAndARedeliveryChangesNothing() {
        UUID itemId = UUID.randomUUID();
        Instant answeredAt = Instant.parse("2026-11-20T10:00:00Z");
        try (TestEvents events = new TestEvents(); KafkaTopicReader reviews = new KafkaTopicReader(Topics.REVIEWS)) {
            AnswerSubmitted correct = answer(itemId, true, 5, answeredAt);
            UUID eventId = events.send(tenant, student.toString(), correct.quizId().toString(), correct);
            await().atMost(Duration.ofSeconds(20)).until(() -> attempts(itemId) == 1);
            // q = 5 (confident, 30 s): EF 2.6, repetition 1, 1 day
            as(student, tenant, "student").get(BASE + "/schedules/" + itemId).then().statusCode(200)
                    .body("repetition", equalTo(1)).body("intervalDays", equalTo(1)).body("easinessFactor", equalTo(2.6f))
                    .body("dueAt", equalTo("2026-11-21T10:00:00Z")).body("reviewStatus", equalTo("learning"))
                    .body("attempts", equalTo(1));

            events.send(eventId, tenant, student.toString(), correct.quizId().toString(), correct); // redelivered
            AnswerSubmitted again = answer(itemId, true, 5, answeredAt.plusSeconds(86_400));
            events.send(tenant, student.toString(), again.quizId().toString(), again);
            await().atMost(Duration.ofSeconds(20)).until(() -> attempts(itemId) == 2);
            as(student, tenant, "student").get(BASE + "/schedules/" + itemId).then()
                    .body("repetition", equalTo(2)).body("intervalDays", equalTo(6)).body("attempts", equalTo(2));
            assertThat(attempts(itemId)).isEqualTo(2);

            // exactly one event per attempt of this instance (another running review-service may see the same answers)
            List<UUID> attemptIds = db.preparedQuery("SELECT id FROM review_attempt WHERE user_id = $1 AND item_id = $2 ORDER BY answered_at")
                    .execute(Tuple.of(student, itemId)).await().indefinitely().stream().map(r -> r.getUUID(0)).toList();
            List<ReviewRecorded> recorded = reviews.await(r -> true, Integer.MAX_VALUE, Duration.ofSeconds(3)).stream()
                    .map(io.qbank.common.events.CloudEventCodec::decode)
                    .filter(e -> e.type().equals(EventType.REVIEW_RECORDED.ceType()))
                    .map(e -> e.dataAs(ReviewRecorded.class)).filter(r -> attemptIds.contains(r.attemptId())).toList();
            assertThat(recorded).extracting(ReviewRecorded::attemptId).containsExactlyElementsOf(attemptIds);
            assertThat(recorded).extracting(ReviewRecorded::intervalDays).containsExactly(1, 6);
        }
    }

    @Test
    void withoutConfidenceAnAnswerCountsAsNeutralAndAFailureIsDueTomorrow() {
        UUID itemId = UUID.randomUUID();
        try (TestEvents events = new TestEvents()) {
            AnswerSubmitted wrong = answer(itemId, false, null, Instant.parse("2026-11-20T10:00:00Z"));
            events.send(tenant, student.toString(), wrong.quizId().toString(), wrong);
            await().atMost(Duration.ofSeconds(20)).until(() -> attempts(itemId) == 1);
        }
        // wrong at confidence 3: q = 1, EF 2.5 − 0.54 = 1.96, repetition 0, 1 day; it is due now
        as(student, tenant, "student").get(BASE + "/schedules/" + itemId).then().body("repetition", equalTo(0))
                .body("easinessFactor", equalTo(1.96f)).body("lapses", equalTo(1)).body("reviewStatus", equalTo("new"));
        as(student, tenant, "student").get(BASE + "/due").then().statusCode(200).body("itemId", equalTo(List.of(itemId.toString())));
    }

    @Test
    void anotherUsersOrTenantsScheduleIsNotFound() {
        UUID itemId = UUID.randomUUID();
        try (TestEvents events = new TestEvents()) {
            AnswerSubmitted a = answer(itemId, true, 4, Instant.now());
            events.send(tenant, student.toString(), a.quizId().toString(), a);
            await().atMost(Duration.ofSeconds(20)).until(() -> attempts(itemId) == 1);
        }
        assertProblem(as(UUID.randomUUID(), tenant, "student").get(BASE + "/schedules/" + itemId).then(), 404);
        assertProblem(as(student, "other-" + UUID.randomUUID(), "student").get(BASE + "/schedules/" + itemId).then(), 404);
        as(UUID.randomUUID(), tenant, "student").get(BASE + "/schedules").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void securityAndBadInput() {
        assertProblem(given().get(BASE + "/due").then(), 401);
        assertProblem(given().header("Authorization", TestTokens.bearerWithoutTenant(student, "student")).get(BASE + "/due").then(), 401);
        assertProblem(as(student, tenant, "author").get(BASE + "/due").then(), 403);
        assertProblem(as(student, tenant, "student").get(BASE + "/due?limit=0").then(), 400);
        assertProblem(as(student, tenant, "student").get(BASE + "/schedules?size=1000").then(), 400);
    }
}
