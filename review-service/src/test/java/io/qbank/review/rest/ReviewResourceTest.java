package io.qbank.review.rest;

import static io.qbank.common.testing.Problems.assertProblem;
import static io.qbank.review.rest.ReviewFixtures.BASE;
import static io.qbank.review.rest.ReviewFixtures.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.qbank.common.events.AnswerSubmitted;
import io.qbank.common.events.CloudEventCodec;
import io.qbank.common.events.EventType;
import io.qbank.common.events.ReviewRecorded;
import io.qbank.common.events.Topics;
import io.qbank.common.testing.KafkaTopicReader;
import io.qbank.common.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
class ReviewResourceTest {

    @Inject
    Pool db;

    private ReviewFixtures f;

    private ReviewFixtures fixtures() {
        if (f == null) {
            f = new ReviewFixtures(db);
        }
        return f;
    }

    @AfterEach
    void close() {
        if (f != null) {
            f.close();
        }
    }

    @Test
    void aDeliveryAnswerCreatesAnSm2ScheduleAndARedeliveryChangesNothing() {
        ReviewFixtures f = fixtures();
        UUID itemId = UUID.randomUUID();
        Instant answeredAt = Instant.parse("2026-11-20T10:00:00Z");
        try (KafkaTopicReader reviews = new KafkaTopicReader(Topics.REVIEWS)) {
            AnswerSubmitted correct = f.answer(itemId, true, 5, answeredAt);
            UUID eventId = f.deliver(correct);
            // q = 5 (confident, 30 s): EF 2.6, repetition 1, 1 day
            f.asStudent().get(BASE + "/schedules/" + itemId).then().statusCode(200)
                    .body("scheduler", equalTo("sm2")).body("repetition", equalTo(1)).body("intervalDays", equalTo(1))
                    .body("easinessFactor", equalTo(2.6f)).body("stability", nullValue())
                    .body("dueAt", equalTo("2026-11-21T10:00:00Z")).body("reviewStatus", equalTo("learning")).body("attempts", equalTo(1));

            f.events.send(eventId, f.tenant, f.student.toString(), correct.quizId().toString(), correct); // redelivered
            f.deliver(f.answer(itemId, true, 5, answeredAt.plusSeconds(86_400)));
            f.asStudent().get(BASE + "/schedules/" + itemId).then()
                    .body("repetition", equalTo(2)).body("intervalDays", equalTo(6)).body("attempts", equalTo(2));
            assertThat(f.attempts(itemId)).isEqualTo(2);

            // exactly one ReviewRecorded per attempt, in order
            List<UUID> attemptIds = db.preparedQuery("SELECT id FROM review_attempt WHERE user_id = $1 AND item_id = $2 ORDER BY answered_at")
                    .execute(Tuple.of(f.student, itemId)).await().indefinitely().stream().map(r -> r.getUUID(0)).toList();
            List<ReviewRecorded> recorded = reviews.await(r -> true, Integer.MAX_VALUE, Duration.ofSeconds(3)).stream()
                    .map(CloudEventCodec::decode).filter(e -> e.type().equals(EventType.REVIEW_RECORDED.ceType()))
                    .map(e -> e.dataAs(ReviewRecorded.class)).filter(r -> attemptIds.contains(r.attemptId())).toList();
            assertThat(recorded).extracting(ReviewRecorded::attemptId).containsExactlyElementsOf(attemptIds);
            assertThat(recorded).extracting(ReviewRecorded::intervalDays).containsExactly(1, 6);
            assertThat(recorded).extracting(ReviewRecorded::source).containsOnly("delivery");
        }
        // XP per the seed: hard ×2 → 20, +5 correct, +3 confident = 28 per answer; two UTC days in a row
        f.asStudent().get(BASE + "/profile").then().statusCode(200).body("xp", equalTo(56)).body("level", equalTo(1))
                .body("longestStreak", equalTo(2)).body("lastActiveDay", equalTo("2026-11-21")).body("scheduler", equalTo("sm2"))
                .body("timeZone", equalTo("UTC"));
    }

    @Test
    void theDueQueueHoldsLiveItemsOldestFirstAndSaysWhenTheNextFallsDue() {
        ReviewFixtures f = fixtures();
        UUID older = f.publish(UUID.randomUUID(), 1, "easy");
        UUID newer = f.publish(UUID.randomUUID(), 1, "easy");
        UUID later = f.publish(UUID.randomUUID(), 1, "easy");
        UUID elsewhere = UUID.randomUUID(); // answered, but its item never reached review: it cannot be served
        Instant now = Instant.now();
        f.deliver(f.answer(older, false, null, now.minus(Duration.ofDays(3))));
        f.deliver(f.answer(newer, false, 2, now.minus(Duration.ofDays(2))));
        f.deliver(f.answer(later, true, 5, now)); // due tomorrow
        f.deliver(f.answer(elsewhere, false, 2, now.minus(Duration.ofDays(5))));

        f.asStudent().get(BASE + "/due").then().statusCode(200)
                .body("items.itemId", equalTo(List.of(older.toString(), newer.toString()))).body("nextDueAt", nullValue());
        f.asStudent().get(BASE + "/due?limit=1").then().body("items.itemId", equalTo(List.of(older.toString())));
        f.asStudent().get(BASE + "/due?topicId=" + f.cardiology).then().body("items.size()", equalTo(2));
        f.asStudent().get(BASE + "/due?topicId=" + UUID.randomUUID()).then().body("items.size()", equalTo(0));

        // a retired item drops out
        f.retire(older, 1);
        f.asStudent().get(BASE + "/due").then().body("items.itemId", equalTo(List.of(newer.toString())));
        f.retire(newer, 1);
        String tomorrow = f.asStudent().get(BASE + "/due").then().body("items.size()", equalTo(0)).body("nextDueAt", notNullValue())
                .extract().path("nextDueAt");
        assertThat(Instant.parse(tomorrow)).isAfter(now.plus(Duration.ofHours(23)));

        // forecast: the one live item falls due tomorrow (UTC)
        List<Map<String, Object>> forecast = f.asStudent().get(BASE + "/forecast?days=3").then().statusCode(200).extract().path("$");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(forecast).extracting(d -> d.get("date")).containsExactly(today.toString(), today.plusDays(1).toString(),
                today.plusDays(2).toString());
        assertThat(forecast).extracting(d -> d.get("due")).containsExactly(0, 1, 0);
    }

    @Test
    void twoHundredPerfectAnswersAreAllRecordedAndNeverPassTheMaximumInterval() {
        ReviewFixtures f = fixtures();
        UUID item = UUID.randomUUID();
        Instant t = Instant.parse("2026-10-01T08:00:00Z");
        try (KafkaTopicReader dlq = new KafkaTopicReader(Topics.DELIVERY + ".dlq")) {
            for (int i = 0; i < 200; i++) {
                AnswerSubmitted a = f.answer(item, true, 5, t.plus(Duration.ofMinutes(i)));
                f.events.send(f.tenant, f.student.toString(), a.quizId().toString(), a);
            }
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> f.attempts(item) == 200);
            assertThat(dlq.await(r -> r.key().equals(f.student.toString()), 1, Duration.ofSeconds(2))).as("dead letters").isEmpty();
        }
        f.asStudent().get(BASE + "/schedules/" + item).then().statusCode(200).body("attempts", equalTo(200)).body("repetition", equalTo(200))
                .body("intervalDays", equalTo(36_500)).body("dueAt", equalTo("2126-09-07T11:19:00Z"));
        // the same history replayed under FSRS stops at the same maximum
        f.asStudent().body(Map.of("scheduler", "fsrs")).put(BASE + "/profile").then().statusCode(200);
        f.asStudent().get(BASE + "/schedules/" + item).then().statusCode(200).body("scheduler", equalTo("fsrs"))
                .body("intervalDays", org.hamcrest.Matchers.lessThanOrEqualTo(36_500));
    }

    @Test
    void switchingToFsrsRecomputesEveryScheduleFromTheHistoryAndBackRestoresSm2() {
        ReviewFixtures f = fixtures();
        UUID item = UUID.randomUUID();
        Instant t = Instant.parse("2026-10-01T08:00:00Z");
        f.deliver(f.answer(item, true, 4, t));
        f.deliver(f.answer(item, true, 4, t.plus(Duration.ofDays(1))));
        f.deliver(f.answer(item, false, 4, t.plus(Duration.ofDays(7))));
        Map<String, Object> sm2 = f.asStudent().get(BASE + "/schedules/" + item).then().extract().path("$");

        f.asStudent().body(Map.of("scheduler", "fsrs", "desiredRetention", 0.9)).put(BASE + "/profile").then().statusCode(200)
                .body("scheduler", equalTo("fsrs"));
        Map<String, Object> fsrs = f.asStudent().get(BASE + "/schedules/" + item).then().statusCode(200)
                .body("scheduler", equalTo("fsrs")).body("easinessFactor", nullValue()).body("stability", notNullValue())
                .body("attempts", equalTo(3)).body("lapses", equalTo(1)).extract().path("$");
        assertThat(f.attempts(item)).as("the history stays").isEqualTo(3);
        // confident answers (q 5, q 5, q 0) are Easy, Easy after 1 day, Again after 6 days under the reference FSRS
        var memory = new io.qbank.review.domain.Fsrs(0.9).step(null, 0, 4);
        memory = new io.qbank.review.domain.Fsrs(0.9).step(memory, 1, 4);
        memory = new io.qbank.review.domain.Fsrs(0.9).step(memory, 6, 1);
        assertThat(((Number) fsrs.get("stability")).doubleValue()).isCloseTo(memory.stability(), org.assertj.core.api.Assertions.within(1e-6));

        // a new answer now follows FSRS
        f.deliver(f.answer(item, true, 5, t.plus(Duration.ofDays(8))));
        f.asStudent().get(BASE + "/schedules/" + item).then().body("scheduler", equalTo("fsrs")).body("attempts", equalTo(4));

        f.asStudent().body(Map.of("scheduler", "sm2")).put(BASE + "/profile").then().statusCode(200);
        Map<String, Object> back = f.asStudent().get(BASE + "/schedules/" + item).then().body("scheduler", equalTo("sm2"))
                .body("stability", nullValue()).extract().path("$");
        // the same three answers and the fourth, under SM-2: q 5, 5, 0 → EF 2.6, 2.7, 1.9, then q 5 → 2.0, interval 1
        assertThat(((Number) back.get("easinessFactor")).doubleValue()).isCloseTo(2.0, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(back.get("intervalDays")).isEqualTo(1);
        assertThat(sm2.get("easinessFactor")).isNotNull();
    }

    @Test
    void streaksFollowTheLearnersTimeZone() {
        ReviewFixtures f = fixtures();
        f.asStudent().body(Map.of("timeZone", "Pacific/Auckland")).put(BASE + "/profile").then().statusCode(200)
                .body("timeZone", equalTo("Pacific/Auckland"));
        // 2026-11-20T20:00Z and 2026-11-21T08:00Z: two UTC days, but both 2026-11-21 in Auckland (UTC+13)
        UUID item = UUID.randomUUID();
        f.deliver(f.answer(item, true, 3, Instant.parse("2026-11-20T20:00:00Z")));
        f.deliver(f.answer(item, true, 3, Instant.parse("2026-11-21T08:00:00Z")));
        f.asStudent().get(BASE + "/profile").then().body("longestStreak", equalTo(1)).body("lastActiveDay", equalTo("2026-11-21"));
        f.deliver(f.answer(item, true, 3, Instant.parse("2026-11-21T12:00:00Z"))); // 2026-11-22 01:00 in Auckland
        f.asStudent().get(BASE + "/profile").then().body("longestStreak", equalTo(2)).body("lastActiveDay", equalTo("2026-11-22"));
        assertThat(ZoneId.of("Pacific/Auckland")).isNotNull();
    }

    @Test
    void anotherUsersOrTenantsScheduleIsNotFound() {
        ReviewFixtures f = fixtures();
        UUID itemId = UUID.randomUUID();
        f.deliver(f.answer(itemId, true, 4, Instant.now()));
        assertProblem(as(UUID.randomUUID(), f.tenant, "student").get(BASE + "/schedules/" + itemId).then(), 404);
        assertProblem(as(f.student, "other-" + UUID.randomUUID(), "student").get(BASE + "/schedules/" + itemId).then(), 404);
        as(UUID.randomUUID(), f.tenant, "student").get(BASE + "/schedules").then().statusCode(200).body("size()", equalTo(0));
        as(f.student, "other-" + UUID.randomUUID(), "student").get(BASE + "/profile").then().statusCode(200).body("xp", equalTo(0));
    }

    @Test
    void securityAndBadInputChangeNothing() {
        ReviewFixtures f = fixtures();
        assertProblem(given().get(BASE + "/due").then(), 401);
        assertProblem(given().header("Authorization", TestTokens.bearerWithoutTenant(f.student, "student")).get(BASE + "/due").then(), 401);
        assertProblem(as(f.student, f.tenant, "author").get(BASE + "/due").then(), 403);
        assertProblem(as(f.student, f.tenant, "publisher").body(Map.of("scheduler", "fsrs")).put(BASE + "/profile").then(), 403);
        assertProblem(f.asStudent().get(BASE + "/due?limit=0").then(), 400);
        assertProblem(f.asStudent().get(BASE + "/schedules?size=1000").then(), 400);
        assertProblem(f.asStudent().get(BASE + "/forecast?days=0").then(), 400);
        assertProblem(f.asStudent().get(BASE + "/schedules/not-a-uuid").then(), 400);
        assertProblem(f.asStudent().body(Map.of("scheduler", "leitner")).put(BASE + "/profile").then(), 400)
                .body("violations[0].field", org.hamcrest.Matchers.containsString("scheduler"));
        assertProblem(f.asStudent().body(Map.of("timeZone", "Mars/Olympus")).put(BASE + "/profile").then(), 400)
                .body("violations[0].field", equalTo("timeZone"));
        assertProblem(f.asStudent().body(Map.of("desiredRetention", 1.5)).put(BASE + "/profile").then(), 400);
        assertProblem(f.asStudent().body("{\"scheduler\": ").put(BASE + "/profile").then(), 400);
        assertProblem(f.asStudent().body(Map.of("tenantId", "other")).put(BASE + "/profile").then(), 400);
        assertThat(f.count("SELECT count(*) FROM review_profile WHERE user_id = $1", f.student)).as("nothing written").isZero();
    }
}
