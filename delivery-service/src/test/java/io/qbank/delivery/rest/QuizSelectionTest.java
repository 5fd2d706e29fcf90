package io.qbank.delivery.rest;

import static io.qbank.common.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.qbank.common.events.CloudEvent;
import io.qbank.common.events.EventType;
import io.qbank.common.events.ExposureControlUpdated;
import io.qbank.common.events.ItemCalibrated;
import io.qbank.common.events.ItemFlagged;
import io.qbank.common.events.ItemPublished;
import io.qbank.common.events.QuizCompleted;
import io.qbank.common.events.Topics;
import io.qbank.common.testing.KafkaTopicReader;
import io.qbank.common.testing.TestEvents;
import io.qbank.delivery.service.ExposureCounter;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;

/** Filters, blueprint quotas, the learner's history, calibrations and exposure control, SE stopping, flags and races. */
@QuarkusTest
class QuizSelectionTest {

    private static final String BASE = DeliveryFixtures.BASE;

    @Inject
    Pool db;

    @Inject
    RedisDataSource redis;

    @Inject
    ExposureCounter exposure;

    private DeliveryFixtures f;
    private final UUID root = UUID.randomUUID();
    private final UUID cardio = UUID.randomUUID();
    private final UUID renal = UUID.randomUUID();

    @BeforeEach
    void fixtures() {
        f = new DeliveryFixtures(db);
    }

    private ItemPublished item(UUID topic, String difficulty, int level) {
        return f.item(UUID.randomUUID(), 1, List.of(f.exam), "Stem", List.of(root, topic), difficulty, level);
    }

    /** Serves and answers until the quiz ends; returns the item ids in order. */
    private List<String> takeQuiz(String quizId, String label) {
        List<String> served = new ArrayList<>();
        for (int position = 1; ; position++) {
            var next = f.next(quizId);
            if (next.statusCode() == 409) {
                return served;
            }
            served.add(next.then().statusCode(200).body("position", equalTo(position)).extract().path("itemId"));
            f.answer(quizId, position, label).then().statusCode(200);
        }
    }

    @Test
    void quotasAreMetForTopicsThatMaximumInformationWouldNotChoose() {
        List<ItemPublished> bank = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            bank.add(item(cardio, "medium", 3)); // b = 0: the most informative while θ stays near 0
        }
        for (int i = 0; i < 3; i++) {
            bank.add(item(renal, "nbme", 5)); // b = 2
        }
        f.publish(bank);
        Set<String> renalItems = new HashSet<>(bank.subList(8, 11).stream().map(i -> i.itemId().toString()).toList());
        String quizId = f.start(Map.of("examCode", f.exam, "mode", "tutor", "length", 5,
                "quotas", List.of(Map.of("topicId", renal, "count", 2))));
        f.asStudent().get(BASE + "/" + quizId).then().body("quotas[0].count", equalTo(2)).body("quotas[0].served", equalTo(0));
        List<String> served = takeQuiz(quizId, "B"); // wrong answers push θ down, away from the renal items
        assertThat(served).hasSize(5);
        assertThat(served.stream().filter(renalItems::contains).count()).isGreaterThanOrEqualTo(2);
        f.asStudent().get(BASE + "/" + quizId).then().body("quotas[0].served", equalTo(2)).body("status", equalTo("completed"));
        // results break the score down per topic
        f.asStudent().get(BASE + "/" + quizId + "/results").then().body("topics.size()", equalTo(2)).body("totalTimeMs", equalTo(100000));

        // quotas that cannot fit the length, or name a topic without items, are refused
        assertProblem(f.asStudent().body(Map.of("examCode", f.exam, "mode", "tutor", "length", 2,
                "quotas", List.of(Map.of("topicId", renal, "count", 3)))).post(BASE).then(), 400).body("violations.field", hasItem("quotas"));
        assertProblem(f.asStudent().body(Map.of("examCode", f.exam, "mode", "tutor", "length", 2,
                "quotas", List.of(Map.of("topicId", UUID.randomUUID(), "count", 1)))).post(BASE).then(), 422)
                .body("violations.field", hasItem("quotas[0].topicId"));
        assertProblem(f.asStudent().body(Map.of("examCode", f.exam, "mode", "tutor", "length", 2,
                "quotas", List.of(Map.of("topicId", renal, "count", 0)))).post(BASE).then(), 400);
    }

    @Test
    void topicAndDifficultyFiltersNarrowThePool() {
        List<ItemPublished> bank = List.of(item(cardio, "hard", 4), item(cardio, "easy", 2), item(renal, "hard", 4), item(renal, "easy", 2));
        f.publish(bank);
        String quizId = f.start(Map.of("examCode", f.exam, "mode", "tutor", "length", 4, "adaptive", false,
                "topicIds", List.of(cardio), "difficulties", List.of("hard")));
        assertThat(takeQuiz(quizId, "A")).containsExactly(bank.get(0).itemId().toString()); // then the filtered pool is exhausted
        f.asStudent().get(BASE + "/" + quizId).then().body("status", equalTo("completed")).body("answered", equalTo(1));
        // a subtree filter on the root takes every topic under it
        String all = f.start(Map.of("examCode", f.exam, "mode", "tutor", "length", 4, "topicIds", List.of(root)));
        assertThat(takeQuiz(all, "A")).hasSize(4);
        assertProblem(f.asStudent().body(Map.of("examCode", f.exam, "mode", "tutor", "length", 4, "topicIds", List.of(UUID.randomUUID())))
                .post(BASE).then(), 422);
        assertProblem(f.asStudent().body(Map.of("examCode", f.exam, "mode", "tutor", "length", 4, "difficulties", List.of("brutal")))
                .post(BASE).then(), 400).body("violations.field", hasItem(startsWith("difficulties")));
    }

    @Test
    void historyFiltersFollowTheStudentsOwnAnswersAndFlags() {
        List<ItemPublished> bank = List.of(item(cardio, "medium", 3), item(cardio, "medium", 3), item(cardio, "medium", 3),
                item(cardio, "medium", 3));
        f.publish(bank);
        String first = f.start(Map.of("examCode", f.exam, "mode", "tutor", "length", 2));
        String wrong = f.next(first).then().extract().path("itemId");
        f.answer(first, 1, "C").then().body("correct", equalTo(false));
        String right = f.next(first).then().extract().path("itemId");
        f.answer(first, 2, "A").then().body("correct", equalTo(true));

        String incorrect = f.start(Map.of("examCode", f.exam, "mode", "tutor", "length", 4, "history", "incorrect"));
        assertThat(takeQuiz(incorrect, "A")).containsExactly(wrong);
        String unused = f.start(Map.of("examCode", f.exam, "mode", "tutor", "length", 4, "history", "unused"));
        assertThat(takeQuiz(unused, "A")).hasSize(2).doesNotContain(wrong, right);
        // now everything has been seen
        assertProblem(f.asStudent().body(Map.of("examCode", f.exam, "mode", "tutor", "length", 4, "history", "unused")).post(BASE).then(), 422);
        // another student's history is their own
        f.as(UUID.randomUUID(), f.tenant, "student").body(Map.of("examCode", f.exam, "mode", "tutor", "length", 1, "history", "unused"))
                .post(BASE).then().statusCode(201);

        try (KafkaTopicReader flags = new KafkaTopicReader(Topics.ITEM_FLAGS)) {
            String flagId = f.asStudent().body(Map.of("reason", "ambiguous", "comment", "B fits too")).post(BASE + "/" + first + "/items/2/flag")
                    .then().statusCode(201).body("itemId", equalTo(right)).body("version", equalTo(1)).extract().path("id");
            f.asStudent().body(Map.of("reason", "typo")).post(BASE + "/" + first + "/items/2/flag").then().statusCode(200)
                    .body("id", equalTo(flagId)).body("reason", equalTo("ambiguous"));
            List<CloudEvent> events = flags.awaitEvents(EventType.ITEM_FLAGGED.ceType(), right, 1, Duration.ofSeconds(10));
            assertThat(events).hasSize(1);
            ItemFlagged flagged = events.get(0).dataAs(ItemFlagged.class);
            assertThat(flagged.flagId()).hasToString(flagId);
            assertThat(flagged.userId()).isEqualTo(f.student);
            assertThat(flagged.source()).isEqualTo("delivery");
            assertThat(flagged.reason()).isEqualTo("ambiguous");
        }
        String flaggedQuiz = f.start(Map.of("examCode", f.exam, "mode", "tutor", "length", 4, "history", "flagged"));
        assertThat(takeQuiz(flaggedQuiz, "A")).containsExactly(right);

        // flags: a position never served, another student, a bad reason
        assertProblem(f.asStudent().body(Map.of("reason", "typo")).post(BASE + "/" + first + "/items/9/flag").then(), 404);
        assertProblem(f.as(UUID.randomUUID(), f.tenant, "student").body(Map.of("reason", "typo")).post(BASE + "/" + first + "/items/1/flag")
                .then(), 404);
        assertProblem(f.asStudent().body(Map.of("reason", "boring")).post(BASE + "/" + first + "/items/1/flag").then(), 400)
                .body("violations.field", hasItem("reason"));
        assertThat(f.count("SELECT count(*) FROM item_flag WHERE quiz_id = $1", UUID.fromString(first))).isEqualTo(1);
    }

    @Test
    void calibrationsAndSympsonHetterParametersFromAnalyticsSteerSelection() {
        List<ItemPublished> bank = List.of(item(cardio, "medium", 3), item(cardio, "medium", 3), item(cardio, "medium", 3));
        f.publish(bank);
        UUID sharp = bank.get(1).itemId();
        try (TestEvents events = new TestEvents(); KafkaTopicReader dlq = new KafkaTopicReader(Topics.CALIBRATION + ".dlq")) {
            // a very discriminating item at θ = 0 is the most informative first item
            events.send(f.tenant, sharp.toString(), sharp.toString(),
                    new ItemCalibrated(sharp, 1, f.tenant, "3PL", 2.5, 0.0, 0.2, 0.1, 0.05, 0.02, 900, Instant.now()));
            // impossible parameters are refused onto the dead-letter topic, and change nothing
            events.send(f.tenant, sharp.toString(), sharp.toString(),
                    new ItemCalibrated(sharp, 1, f.tenant, "3PL", -1.0, 0.0, 0.2, null, null, null, 900, Instant.now()));
            await().atMost(Duration.ofSeconds(20)).until(() -> f.count("SELECT count(*) FROM item_calibration WHERE item_id = $1 AND a = 2.5", sharp) == 1);
            assertThat(dlq.await(r -> r.key().equals(sharp.toString()), 1, Duration.ofSeconds(20))).hasSize(1);
            for (int i = 0; i < 3; i++) {
                String quizId = f.start(Map.of("examCode", f.exam, "mode", "tutor", "length", 1));
                f.next(quizId).then().statusCode(200).body("itemId", equalTo(sharp.toString()));
            }

            // exposure control: the item is now almost never administered when selected, and once set aside it stays aside
            events.send(f.tenant, sharp.toString(), sharp.toString(), new ExposureControlUpdated(sharp, 1, f.tenant, 1e-9, 0.25, Instant.now()));
            await().atMost(Duration.ofSeconds(20)).until(() -> f.count("SELECT count(*) FROM item_exposure_control WHERE item_id = $1", sharp) == 1);
            String quizId = f.start(Map.of("examCode", f.exam, "mode", "tutor", "length", 3));
            assertThat(takeQuiz(quizId, "A")).hasSize(2).doesNotContain(sharp.toString());
            assertThat(f.count("SELECT cardinality(set_aside_item_ids) FROM quiz WHERE id = $1", UUID.fromString(quizId))).isEqualTo(1);
        }
    }

    @Test
    void itemsAtTheirDailyExposureCapAreNotServed() {
        List<ItemPublished> bank = List.of(item(cardio, "medium", 3), item(cardio, "medium", 3));
        f.publish(bank);
        UUID capped = bank.get(0).itemId();
        String key = "exp:" + DateTimeFormatter.BASIC_ISO_DATE.format(LocalDate.now(ZoneOffset.UTC)) + ":" + capped + ":1";
        redis.value(Long.class).setex(key, 600, 500L); // the default cap, reached today
        try {
            for (int i = 0; i < 3; i++) {
                String quizId = f.start(Map.of("examCode", f.exam, "mode", "tutor", "length", 2, "adaptive", i % 2 == 0));
                assertThat(takeQuiz(quizId, "A")).containsExactly(bank.get(1).itemId().toString());
            }
            // every serve is counted for the day: the counter holds the serves and what this replica leased and has not used
            String other = "exp:" + DateTimeFormatter.BASIC_ISO_DATE.format(LocalDate.now(ZoneOffset.UTC)) + ":" + bank.get(1).itemId() + ":1";
            assertThat(redis.value(Long.class).get(other) - exposure.unused(bank.get(1).itemId(), 1)).isEqualTo(3L);
            assertThat(redis.key().ttl(other)).isPositive();
        } finally {
            redis.key().del(key);
        }
    }

    @Test
    void anAdaptiveQuizWithAnSeTargetEndsOnceTheAbilityIsPreciseEnough() {
        List<ItemPublished> bank = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            bank.add(item(cardio, "medium", 3));
        }
        f.publish(bank);
        try (KafkaTopicReader delivery = new KafkaTopicReader(Topics.DELIVERY)) {
            // one answer to a default item leaves an SE of about 0.83–0.93: a target of 0.95 is met at once
            String quizId = f.start(Map.of("examCode", f.exam, "mode", "exam", "length", 6, "seTarget", 0.95));
            f.next(quizId).then().statusCode(200);
            f.answer(quizId, 1, "A").then().statusCode(200).body("quizStatus", equalTo("completed")).body("correct", equalTo(true));
            assertProblem(f.next(quizId).then(), 409);
            List<CloudEvent> completed = delivery.awaitEvents(EventType.QUIZ_COMPLETED.ceType(), quizId, 1, Duration.ofSeconds(10));
            assertThat(completed).hasSize(1);
            assertThat(completed.get(0).dataAs(QuizCompleted.class).answered()).isEqualTo(1);
            assertThat(completed.get(0).dataAs(QuizCompleted.class).se()).isLessThanOrEqualTo(0.95);
        }
        // a tighter target keeps the quiz going
        String longer = f.start(Map.of("examCode", f.exam, "mode", "tutor", "length", 6, "seTarget", 0.3));
        assertThat(takeQuiz(longer, "A")).hasSize(6);
        assertProblem(f.asStudent().body(Map.of("examCode", f.exam, "mode", "tutor", "length", 6, "seTarget", 0.01)).post(BASE).then(), 400)
                .body("violations.field", hasItem("seTarget"));
    }

    @Test
    void racingRequestsOnOneQuizServeOneItemAndRecordOneAnswer() {
        f.publish(List.of(item(cardio, "medium", 3), item(cardio, "medium", 3), item(cardio, "medium", 3)));
        String quizId = f.start(Map.of("examCode", f.exam, "mode", "tutor", "length", 3));
        List<CompletableFuture<String>> nexts = IntStream.range(0, 6)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> f.next(quizId).then().statusCode(200).extract().<String>path("itemId"))).toList();
        Set<String> servedIds = new HashSet<>(nexts.stream().map(CompletableFuture::join).toList());
        assertThat(servedIds).hasSize(1);
        List<CompletableFuture<Integer>> answers = IntStream.range(0, 6)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> f.answer(quizId, 1, "A").statusCode())).toList();
        Map<Integer, Integer> statuses = new HashMap<>();
        answers.forEach(a -> statuses.merge(a.join(), 1, Integer::sum));
        assertThat(statuses).containsOnlyKeys(200);
        UUID id = UUID.fromString(quizId);
        assertThat(f.count("SELECT count(*) FROM served_item WHERE quiz_id = $1", id)).isEqualTo(1);
        assertThat(f.count("SELECT count(*) FROM response WHERE quiz_id = $1", id)).isEqualTo(1);
        assertThat(f.count("SELECT answered FROM quiz WHERE id = $1", id)).isEqualTo(1);
        assertThat(f.count("SELECT count(*) FROM outbox_event WHERE ce_subject = $1 AND ce_type = $2", quizId,
                EventType.ANSWER_SUBMITTED.ceType())).isEqualTo(1);
    }

    /** Serves and answers of many quizzes at once are group-committed; each quiz must come out exactly as if it ran alone. */
    @Test
    void quizzesTakenAtOnceAreEachRecordedExactly() {
        f.publish(IntStream.range(0, 10).mapToObj(i -> item(i % 2 == 0 ? cardio : renal, "medium", 3)).toList());
        int quizzes = 12, length = 5;
        List<String> ids = IntStream.range(0, quizzes)
                .mapToObj(i -> f.start(Map.of("examCode", f.exam, "mode", "tutor", "length", length))).toList();
        ExecutorService students = Executors.newFixedThreadPool(quizzes);
        Set<String> everServed = new HashSet<>();
        try {
            // the same student in every quiz: their shared history rows (learner_item) are written by several quizzes at once
            List<CompletableFuture<List<String>>> taken = IntStream.range(0, quizzes)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> takeQuiz(ids.get(i), i % 3 == 0 ? "B" : "A"), students)).toList();
            for (int i = 0; i < quizzes; i++) {
                List<String> served = taken.get(i).join();
                assertThat(served).as("quiz %d", i).hasSize(length).doesNotHaveDuplicates();
                everServed.addAll(served);
                UUID id = UUID.fromString(ids.get(i));
                long correct = i % 3 == 0 ? 0 : length;
                assertThat(f.count("SELECT count(*) FROM served_item WHERE quiz_id = $1", id)).isEqualTo(length);
                assertThat(f.count("SELECT count(*) FROM response WHERE quiz_id = $1 AND correct = $2", id, correct > 0)).isEqualTo(length);
                assertThat(f.count("SELECT count(*) FROM quiz WHERE id = $1 AND status = 'completed' AND answered = $2 AND correct = $3"
                        + " AND served_item_ids = (SELECT array_agg(item_id ORDER BY position) FROM served_item WHERE quiz_id = $1)"
                        + " AND theta = (SELECT theta_after FROM response WHERE quiz_id = $1 AND position = $2)"
                        + " AND array_length(posterior, 1) = 61", id, length, correct)).isEqualTo(1);
                for (EventType type : List.of(EventType.ITEM_SERVED, EventType.ANSWER_SUBMITTED)) {
                    assertThat(f.count("SELECT count(*) FROM outbox_event WHERE ce_subject = $1 AND ce_type = $2", ids.get(i), type.ceType()))
                            .as("%s events of quiz %d", type, i).isEqualTo(length);
                }
                assertThat(f.count("SELECT count(*) FROM outbox_event WHERE ce_subject = $1 AND ce_type = $2", ids.get(i),
                        EventType.QUIZ_COMPLETED.ceType())).isEqualTo(1);
            }
        } finally {
            students.shutdownNow();
        }
        assertThat(f.count("SELECT count(*) FROM learner_item WHERE tenant_id = $1 AND user_id = $2", f.tenant, f.student))
                .isEqualTo(everServed.size());
        assertThat(f.count("SELECT count(*) FROM learner_item WHERE tenant_id = $1 AND user_id = $2 AND last_correct IS NULL", f.tenant,
                f.student)).isZero();
    }
}
