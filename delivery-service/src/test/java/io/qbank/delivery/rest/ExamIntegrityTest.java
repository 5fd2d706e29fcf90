package io.qbank.delivery.rest;

import static io.qbank.common.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.qbank.common.events.AnswerSubmitted;
import io.qbank.common.events.CloudEvent;
import io.qbank.common.events.EventType;
import io.qbank.common.events.QuizCompleted;
import io.qbank.common.events.Topics;
import io.qbank.common.testing.KafkaTopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The exam-integrity rule as delivery keeps it: a key only for an answered tutor position or after an exam's end, an
 * exam's answers published only at its end (with their final values), linear exam blocks that the student navigates and
 * whose answers change until the end, adaptive quizzes forward-only.
 */
@QuarkusTest
class ExamIntegrityTest {

    private static final String BASE = DeliveryFixtures.BASE;

    @Inject
    Pool db;

    private DeliveryFixtures f;

    @BeforeEach
    void publishBank() {
        f = new DeliveryFixtures(db);
        f.publishBank(5);
    }

    private String start(String mode, boolean adaptive, int length) {
        return f.start(Map.of("examCode", f.exam, "mode", mode, "adaptive", adaptive, "length", length));
    }

    private Response results(String quizId) {
        return f.asStudent().get(BASE + "/" + quizId + "/results");
    }

    private Response servedAt(String quizId, int position) {
        return f.asStudent().get(BASE + "/" + quizId + "/items/" + position);
    }

    private long outboxEvents(EventType type, String quizId) {
        return f.count("SELECT count(*) FROM outbox_event WHERE ce_type = $1 AND ce_subject = $2", type.ceType(), quizId);
    }

    @Test
    void tutorResultsShowTheKeyOfAnsweredPositionsOnly() {
        String quizId = start("tutor", true, 3);
        f.next(quizId).then().statusCode(200);
        // position 1 is served, not answered: its key, rationale, explanations and correctness stay hidden
        String before = results(quizId).then().statusCode(200).body("items[0].correctLabel", nullValue())
                .body("items[0].correct", nullValue()).body("items[0].rationale", nullValue()).body("items[0].options", nullValue())
                .body("items[0].choices.size()", equalTo(4)).extract().asString();
        assertThat(before).doesNotContain("The rationale").doesNotContain("because right");
        f.answer(quizId, 1, "B").then().statusCode(200).body("correctLabel", equalTo("A"));
        f.next(quizId).then().statusCode(200).body("position", equalTo(2));
        // position 1 answered: its key shows; position 2 served only: still hidden
        results(quizId).then().statusCode(200).body("items[0].correctLabel", equalTo("A")).body("items[0].correct", equalTo(false))
                .body("items[0].options[0].explanation", equalTo("because right")).body("items[1].correctLabel", nullValue())
                .body("items[1].rationale", nullValue()).body("items[1].options", nullValue()).body("correct", equalTo(0));
    }

    @Test
    void anExamPublishesItsAnswersOnlyAtItsEndAndKeepsThemOutOfTheHistoryUntilThen() {
        String quizId = start("exam", true, 3);
        try (KafkaTopicReader delivery = new KafkaTopicReader(Topics.DELIVERY)) {
            f.next(quizId).then().statusCode(200);
            f.answer(quizId, 1, "B").then().statusCode(200).body("recorded", equalTo(true)).body("correct", nullValue());
            f.next(quizId).then().statusCode(200).body("position", equalTo(2));
            // the second ItemServed comes after where the first answer's event would be (one partition per learner)
            assertThat(delivery.awaitEvents(EventType.ITEM_SERVED.ceType(), quizId, 2, Duration.ofSeconds(15))).hasSize(2);
            assertThat(delivery.awaitEvents(EventType.ANSWER_SUBMITTED.ceType(), quizId, 1, Duration.ZERO)).isEmpty();
            assertThat(outboxEvents(EventType.ANSWER_SUBMITTED, quizId)).isZero();
            // nor does delivery itself tell: a quiz of the learner's incorrect items finds none while the exam runs
            assertProblem(f.asStudent().body(Map.of("examCode", f.exam, "mode", "tutor", "length", 1, "history", "incorrect"))
                    .post(BASE).then(), 422);

            f.answer(quizId, 2, "A").then().statusCode(200).body("correct", nullValue());
            f.next(quizId).then().statusCode(200).body("position", equalTo(3));
            // the last answer ends the exam: the key shows at once, and every answer goes out before QuizCompleted
            f.answer(quizId, 3, "A").then().statusCode(200).body("quizStatus", equalTo("completed")).body("correct", equalTo(true))
                    .body("correctLabel", equalTo("A"));
            List<CloudEvent> answers = delivery.awaitEvents(EventType.ANSWER_SUBMITTED.ceType(), quizId, 3, Duration.ofSeconds(15));
            assertThat(answers).extracting(e -> e.dataAs(AnswerSubmitted.class).position()).containsExactly(1, 2, 3);
            assertThat(answers).extracting(e -> e.dataAs(AnswerSubmitted.class).correct()).containsExactly(false, true, true);
            assertThat(answers).extracting(e -> e.dataAs(AnswerSubmitted.class).mode()).containsOnly("exam");
            List<CloudEvent> completed = delivery.awaitEvents(EventType.QUIZ_COMPLETED.ceType(), quizId, 1, Duration.ofSeconds(15));
            assertThat(completed.get(0).dataAs(QuizCompleted.class).correct()).isEqualTo(2);
        }
        assertThat(outboxEvents(EventType.ANSWER_SUBMITTED, quizId)).isEqualTo(3);
        results(quizId).then().body("items[0].correctLabel", equalTo("A")).body("items[0].correct", equalTo(false)).body("correct", equalTo(2));
        // after the end the wrong answer is history
        String review = f.start(Map.of("examCode", f.exam, "mode", "tutor", "length", 1, "history", "incorrect"));
        f.next(review).then().statusCode(200).body("itemId", equalTo(results(quizId).path("items[0].itemId")));
    }

    @Test
    void aLinearExamIsABlockToNavigateAndItsFinalAnswersCount() {
        String quizId = start("exam", false, 3);
        try (KafkaTopicReader delivery = new KafkaTopicReader(Topics.DELIVERY)) {
            // every position can be served without answering the one before
            String first = f.next(quizId).then().statusCode(200).body("position", equalTo(1)).extract().path("itemId");
            f.next(quizId).then().statusCode(200).body("position", equalTo(2));
            f.answer(quizId, 2, "A").then().statusCode(200).body("recorded", equalTo(true));
            f.next(quizId).then().statusCode(200).body("position", equalTo(3));
            assertProblem(f.next(quizId).then(), 409);
            // back to position 1: the same item, unanswered; answered wrongly, then changed to the key
            servedAt(quizId, 1).then().statusCode(200).body("itemId", equalTo(first)).body("selectedLabel", nullValue())
                    .body("options.size()", equalTo(4));
            f.answer(quizId, 1, "C").then().statusCode(200).body("correct", nullValue());
            servedAt(quizId, 1).then().body("selectedLabel", equalTo("C"));
            f.answer(quizId, 1, "A").then().statusCode(200).body("correct", nullValue()).body("correctLabel", nullValue());
            servedAt(quizId, 1).then().body("selectedLabel", equalTo("A"));
            f.answer(quizId, 3, "B").then().statusCode(200).body("quizStatus", equalTo("active"));
            f.answer(quizId, 3, "D").then().statusCode(200).body("quizStatus", equalTo("active"));
            // every position answered, and still nothing about correctness anywhere
            f.asStudent().get(BASE + "/" + quizId).then().body("status", equalTo("active")).body("answered", equalTo(3))
                    .body("correct", nullValue()).body("theta", nullValue());
            String midway = results(quizId).then().statusCode(200).body("correct", nullValue()).extract().asString();
            assertThat(midway).doesNotContain("correctLabel").doesNotContain("because right").doesNotContain("The rationale");
            assertThat(outboxEvents(EventType.ANSWER_SUBMITTED, quizId)).isZero();

            f.asStudent().post(BASE + "/" + quizId + "/finish").then().statusCode(200).body("quiz.status", equalTo("completed"))
                    .body("answered", equalTo(3)).body("correct", equalTo(2)).body("items[0].selectedLabel", equalTo("A"))
                    .body("items[0].correct", equalTo(true)).body("items[2].selectedLabel", equalTo("D"))
                    .body("items[0].timeTakenMs", equalTo(40000)).body("theta", notNullValue());
            List<CloudEvent> answers = delivery.awaitEvents(EventType.ANSWER_SUBMITTED.ceType(), quizId, 3, Duration.ofSeconds(15));
            assertThat(answers).extracting(e -> e.dataAs(AnswerSubmitted.class).selectedLabel()).containsExactly("A", "A", "D");
            assertThat(answers).extracting(e -> e.dataAs(AnswerSubmitted.class).correct()).containsExactly(true, true, false);
        }
        // the block has ended: no change any more
        assertProblem(f.answer(quizId, 1, "B").then(), 409);
        assertThat(outboxEvents(EventType.ANSWER_SUBMITTED, quizId)).isEqualTo(3);
    }

    @Test
    void adaptiveAndTutorQuizzesAreForwardOnlyWithFinalAnswers() {
        String exam = start("exam", true, 3);
        f.next(exam).then().statusCode(200).body("position", equalTo(1));
        // the unanswered current item again, never the next one
        f.next(exam).then().statusCode(200).body("position", equalTo(1));
        f.answer(exam, 1, "B").then().statusCode(200);
        assertProblem(f.answer(exam, 1, "A").then(), 409);
        String tutor = start("tutor", false, 3);
        f.next(tutor).then().statusCode(200);
        f.next(tutor).then().statusCode(200).body("position", equalTo(1));
        f.answer(tutor, 1, "B").then().statusCode(200);
        assertProblem(f.answer(tutor, 1, "A").then(), 409);
    }

    @Test
    void servedPositionsArePrivateAndBounded() {
        String quizId = start("exam", false, 2);
        f.next(quizId).then().statusCode(200);
        assertProblem(servedAt(quizId, 2).then(), 404);
        assertProblem(servedAt(quizId, 0).then(), 400).body("violations.field", hasItem("position"));
        assertProblem(f.as(UUID.randomUUID(), f.tenant, "student").get(BASE + "/" + quizId + "/items/1").then(), 404);
        assertProblem(f.as(f.student, "other-" + UUID.randomUUID(), "student").get(BASE + "/" + quizId + "/items/1").then(), 404);
        assertProblem(f.as(UUID.randomUUID(), f.tenant, "author").get(BASE + "/" + quizId + "/items/1").then(), 403);
        // an answer to a position not served yet is refused, as in a forward-only quiz
        assertProblem(f.answer(quizId, 2, "A").then(), 422).body("violations.field", hasItem("position"));
    }
}
