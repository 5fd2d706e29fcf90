package io.qbank.review.rest;

import static io.qbank.common.testing.Problems.assertProblem;
import static io.qbank.review.rest.ReviewFixtures.BASE;
import static io.qbank.review.rest.ReviewFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.qbank.common.events.EventType;
import io.qbank.common.events.ItemFlagged;
import io.qbank.common.events.ItemServed;
import io.qbank.common.events.QuizCompleted;
import io.qbank.common.events.QuizStarted;
import io.qbank.common.events.ReviewRecorded;
import io.qbank.common.events.Topics;
import io.qbank.common.testing.KafkaTopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;

@QuarkusTest
class ReviewSessionResourceTest {

    @Inject
    Pool db;

    private ReviewFixtures f;
    private UUID first;
    private UUID second;

    @BeforeEach
    void twoDueItems() {
        f = new ReviewFixtures(db);
        first = f.publish(UUID.randomUUID(), 1, "medium");
        second = f.publish(UUID.randomUUID(), 1, "medium");
        f.deliver(f.answer(first, false, 2, Instant.now().minus(Duration.ofDays(2))));
        f.deliver(f.answer(second, false, 2, Instant.now().minus(Duration.ofDays(1))));
    }

    @AfterEach
    void close() {
        f.close();
    }

    private Response start() {
        return f.asStudent().body(Map.of()).post(BASE + "/sessions");
    }

    private Map<String, Object> answer(int position, String label) {
        return Map.of("position", position, "selectedLabel", label, "confidence", 4, "timeTakenMs", 20_000);
    }

    /** Delivery's events of an exam that serves the item, as delivery sends them; returns the quiz id. */
    private UUID examServing(UUID itemId) {
        UUID quiz = UUID.randomUUID();
        String key = f.student.toString();
        f.events.send(f.tenant, key, quiz.toString(), new QuizStarted(quiz, f.tenant, f.student, "DEMO", "exam", true, 3, null, Instant.now()));
        f.events.send(f.tenant, key, quiz.toString(), new ItemServed(quiz, f.tenant, f.student, 1, itemId, 1, f.cardiology, 0, Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> f.count(
                "SELECT count(*) FROM running_exam_item WHERE quiz_id = $1 AND item_id = $2", quiz, itemId) == 1);
        return quiz;
    }

    private void examEnds(UUID quiz) {
        f.events.send(f.tenant, f.student.toString(), quiz.toString(),
                new QuizCompleted(quiz, f.tenant, f.student, "DEMO", 1, 1, 0.2, 0.9, "finished", Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> f.count("SELECT count(*) FROM running_exam_item WHERE quiz_id = $1", quiz) == 0);
    }

    @Test
    void anItemInTheLearnersRunningExamIsNeitherPlannedNorServedNorGraded() {
        // a session planned before the exam started holds both due items
        String before = start().then().statusCode(201).body("itemCount", equalTo(2)).body("next.itemId", equalTo(first.toString()))
                .extract().path("id");
        // a tutor quiz serving the other item locks nothing (its events come first on the learner's partition, so they are
        // applied once the exam's are)
        UUID tutor = UUID.randomUUID();
        f.events.send(f.tenant, f.student.toString(), tutor.toString(),
                new QuizStarted(tutor, f.tenant, f.student, "DEMO", "tutor", true, 3, null, Instant.now()));
        f.events.send(f.tenant, f.student.toString(), tutor.toString(),
                new ItemServed(tutor, f.tenant, f.student, 1, second, 1, f.cardiology, 0, Instant.now()));
        UUID exam = examServing(first);
        assertThat(f.count("SELECT count(*) FROM running_exam_item WHERE quiz_id = $1", tutor)).isZero();

        // answering the item served before the exam began would show its key mid-exam: refused, nothing recorded
        long attempts = f.attempts(first);
        assertProblem(f.asStudent().body(answer(1, "A")).post(BASE + "/sessions/" + before + "/answers").then(), 409);
        assertThat(f.attempts(first)).isEqualTo(attempts);
        // the session skips it and serves the other due item
        f.asStudent().post(BASE + "/sessions/" + before + "/next").then().statusCode(200).body("next.itemId", equalTo(second.toString()));
        // a new session, due or ahead, never plans it
        start().then().statusCode(201).body("itemCount", equalTo(1)).body("next.itemId", equalTo(second.toString()));
        f.asStudent().body(Map.of("ahead", true)).post(BASE + "/sessions").then().statusCode(201)
                .body("itemCount", equalTo(0));
        // another learner of the tenant is not affected
        as(UUID.randomUUID(), f.tenant, "student").body(Map.of()).post(BASE + "/sessions").then().statusCode(201).body("itemCount", equalTo(0));

        // once the exam ends, the item comes back
        examEnds(exam);
        f.asStudent().post(BASE + "/sessions/" + before + "/next").then().statusCode(200).body("next.itemId", equalTo(first.toString()));
        f.asStudent().body(answer(1, "A")).post(BASE + "/sessions/" + before + "/answers").then().statusCode(200)
                .body("correctLabel", equalTo("A"));
        assertThat(f.attempts(first)).isEqualTo(attempts + 1);
    }

    @Test
    void aSessionServesDueItemsWithoutTheKeyAndGradesWithTheServedVersion() {
        Response started = start();
        started.then().statusCode(201).body("itemCount", equalTo(2)).body("answered", equalTo(0))
                .body("next.position", equalTo(1)).body("next.itemId", equalTo(first.toString()))
                .body("next.options.label", equalTo(List.of("A", "B", "C", "D")));
        assertThat(started.asString()).doesNotContain("correct").doesNotContain("explanation").doesNotContain("rationale");
        String session = started.path("id");

        // a new version published meanwhile does not change the served one's key
        f.publish(first, 2, "medium");
        try (KafkaTopicReader reviews = new KafkaTopicReader(Topics.REVIEWS)) {
            f.asStudent().body(answer(1, "A")).post(BASE + "/sessions/" + session + "/answers").then().statusCode(200)
                    .body("correct", equalTo(true)).body("correctLabel", equalTo("A")).body("version", equalTo(1))
                    .body("rationale", notNullValue()).body("options[1].explanation", equalTo("No ST changes."))
                    .body("quality", equalTo(5)).body("scheduler", equalTo("sm2")).body("intervalDays", equalTo(1))
                    .body("xpEarned", equalTo(23)).body("early", equalTo(false));
            assertThat(reviews.awaitEvents(EventType.REVIEW_RECORDED.ceType(), first.toString(), 1, Duration.ofSeconds(15)))
                    .extracting(e -> e.dataAs(ReviewRecorded.class).source()).containsExactly("review");
        }
        // a retry gives the same result and records once; another answer for the position is refused
        f.asStudent().body(answer(1, "A")).post(BASE + "/sessions/" + session + "/answers").then().statusCode(200).body("correct", equalTo(true));
        assertProblem(f.asStudent().body(answer(1, "B")).post(BASE + "/sessions/" + session + "/answers").then(), 409);
        assertThat(f.attempts(first)).isEqualTo(2);

        // position 2 is next; it cannot be answered before it is served
        assertProblem(f.asStudent().body(answer(2, "B")).post(BASE + "/sessions/" + session + "/answers").then(), 409);
        f.asStudent().post(BASE + "/sessions/" + session + "/next").then().statusCode(200).body("answered", equalTo(1))
                .body("next.position", equalTo(2)).body("next.itemId", equalTo(second.toString()));
        f.asStudent().body(answer(2, "B")).post(BASE + "/sessions/" + session + "/answers").then().statusCode(200)
                .body("correct", equalTo(false)).body("intervalDays", equalTo(1));

        // done: no next item, and when the next review falls due
        f.asStudent().post(BASE + "/sessions/" + session + "/next").then().statusCode(200).body("answered", equalTo(2))
                .body("next", nullValue()).body("nextDueAt", notNullValue());
        f.asStudent().get(BASE + "/schedules/" + first).then().body("attempts", equalTo(2)).body("version", equalTo(1));
    }

    @Test
    void nothingDueGivesAnEmptySessionAndReviewingAheadRecordsEarlyReviews() {
        String emptied = start().path("id");
        for (int p = 1; p <= 2; p++) {
            f.asStudent().post(BASE + "/sessions/" + emptied + "/next");
            f.asStudent().body(answer(p, "A")).post(BASE + "/sessions/" + emptied + "/answers").then().statusCode(200);
        }
        start().then().statusCode(201).body("itemCount", equalTo(0)).body("next", nullValue()).body("nextDueAt", notNullValue());

        Response ahead = f.asStudent().body(Map.of("ahead", true, "limit", 1)).post(BASE + "/sessions");
        ahead.then().statusCode(201).body("ahead", equalTo(true)).body("itemCount", equalTo(1));
        f.asStudent().body(answer(1, "A")).post(BASE + "/sessions/" + ahead.path("id") + "/answers").then().statusCode(200)
                .body("early", equalTo(true));
    }

    @Test
    void anItemRetiredDuringASessionIsNotServed() {
        String session = start().then().body("next.itemId", equalTo(first.toString())).extract().path("id");
        f.retire(second, 1);
        f.asStudent().body(answer(1, "A")).post(BASE + "/sessions/" + session + "/answers").then().statusCode(200);
        f.asStudent().post(BASE + "/sessions/" + session + "/next").then().statusCode(200).body("next", nullValue());
        assertProblem(f.asStudent().body(answer(2, "A")).post(BASE + "/sessions/" + session + "/answers").then(), 409);
    }

    @Test
    void sessionsArePrivateAndBadAnswersChangeNothing() {
        String session = start().path("id");
        assertProblem(as(UUID.randomUUID(), f.tenant, "student").post(BASE + "/sessions/" + session + "/next").then(), 404);
        assertProblem(as(f.student, "other-" + UUID.randomUUID(), "student").body(answer(1, "A"))
                .post(BASE + "/sessions/" + session + "/answers").then(), 404);
        assertProblem(as(f.student, f.tenant, "author").body(Map.of()).post(BASE + "/sessions").then(), 403);
        assertProblem(f.asStudent().post(BASE + "/sessions/" + UUID.randomUUID() + "/next").then(), 404);
        assertProblem(f.asStudent().body(answer(9, "A")).post(BASE + "/sessions/" + session + "/answers").then(), 404);
        assertProblem(f.asStudent().body(answer(1, "E")).post(BASE + "/sessions/" + session + "/answers").then(), 400)
                .body("violations[0].field", equalTo("selectedLabel"));
        assertProblem(f.asStudent().body(answer(1, "Z")).post(BASE + "/sessions/" + session + "/answers").then(), 400);
        assertProblem(f.asStudent().body(Map.of("position", 1, "selectedLabel", "A", "confidence", 6, "timeTakenMs", 1000))
                .post(BASE + "/sessions/" + session + "/answers").then(), 400);
        assertProblem(f.asStudent().body(Map.of("position", 1, "selectedLabel", "A", "confidence", 3, "timeTakenMs", 0))
                .post(BASE + "/sessions/" + session + "/answers").then(), 400);
        assertProblem(f.asStudent().body(Map.of("limit", 0)).post(BASE + "/sessions").then(), 400);
        assertThat(f.attempts(first)).as("nothing recorded").isEqualTo(1);
    }

    @Test
    void aStudentFlagsAnItemTheyAnswered() {
        try (KafkaTopicReader flags = new KafkaTopicReader(Topics.ITEM_FLAGS)) {
            String flagId = f.asStudent().body(Map.of("reason", "incorrect_key", "comment", "B is also defensible"))
                    .post(BASE + "/items/" + first + "/flags").then().statusCode(201).body("version", equalTo(1))
                    .extract().path("flagId");
            ItemFlagged flag = flags.awaitEvents(EventType.ITEM_FLAGGED.ceType(), first.toString(), 1, Duration.ofSeconds(15))
                    .get(0).dataAs(ItemFlagged.class);
            assertThat(flag.flagId()).hasToString(flagId);
            assertThat(flag.userId()).isEqualTo(f.student);
            assertThat(flag.tenantId()).isEqualTo(f.tenant);
            assertThat(flag.source()).isEqualTo("review");
            assertThat(flag.reason()).isEqualTo("incorrect_key");
        }
        assertProblem(f.asStudent().body(Map.of("reason", "boring")).post(BASE + "/items/" + first + "/flags").then(), 400);
        assertProblem(f.asStudent().body(Map.of("reason", "typo")).post(BASE + "/items/" + UUID.randomUUID() + "/flags").then(), 404);
        assertProblem(as(UUID.randomUUID(), f.tenant, "student").body(Map.of("reason", "typo")).post(BASE + "/items/" + first + "/flags").then(), 404);
    }
}
