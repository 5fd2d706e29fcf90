package io.qbank.review.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.qbank.common.events.AnswerSubmitted;
import io.qbank.common.events.ItemOption;
import io.qbank.common.events.ItemPublished;
import io.qbank.common.events.ItemRetired;
import io.qbank.common.testing.TestEvents;
import io.qbank.common.testing.TestTokens;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** A tenant with a student, items published to it and answers given in delivery, all through the real broker. */
final class ReviewFixtures implements AutoCloseable {

    static final String BASE = "/api/v1/reviews";

    final String tenant = "t-" + UUID.randomUUID();
    final UUID student = UUID.randomUUID();
    final UUID rootTopic = UUID.randomUUID();
    final UUID cardiology = UUID.randomUUID();
    final TestEvents events = new TestEvents();
    private final Pool db;

    ReviewFixtures(Pool db) {
        this.db = db;
    }

    RequestSpecification asStudent() {
        return as(student, tenant, "student");
    }

    static RequestSpecification as(UUID user, String tenantId, String... roles) {
        return given().header("Authorization", TestTokens.bearer(user, tenantId, roles)).contentType("application/json");
    }

    ItemPublished item(UUID itemId, int version, String difficulty) {
        return new ItemPublished(itemId, version, tenant, List.of("DEMO"), cardiology, "Cardiology", "CV", "A 54-year-old man, v" + version,
                "Which is the most likely diagnosis?",
                List.of(new ItemOption("A", "Aortic dissection", true, "Tearing pain radiating to the back."),
                        new ItemOption("B", "Myocardial infarction", false, "No ST changes."),
                        new ItemOption("C", "Pericarditis", false, "Pain is positional."),
                        new ItemOption("D", "Pulmonary embolism", false, "No hypoxia.")),
                "A", "Unequal arm pressures point to dissection.", difficulty, 3, Instant.now(), List.of(rootTopic, cardiology),
                "Recognise aortic dissection", List.of(), "analysis", List.of(), List.of(), List.of(), "human");
    }

    /** Publishes the item and waits until review knows it. */
    UUID publish(UUID itemId, int version, String difficulty) {
        events.send(tenant, itemId.toString(), itemId.toString(), item(itemId, version, difficulty));
        await().atMost(Duration.ofSeconds(20)).until(() -> count(
                "SELECT count(*) FROM review_item WHERE item_id = $1 AND live_version = $2", itemId, version) == 1);
        return itemId;
    }

    void retire(UUID itemId, int version) {
        events.send(tenant, itemId.toString(), itemId.toString(), new ItemRetired(itemId, version, tenant, List.of("DEMO"), Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> count(
                "SELECT count(*) FROM review_item WHERE item_id = $1 AND live_version IS NULL", itemId) == 1);
    }

    AnswerSubmitted answer(UUID itemId, boolean correct, Integer confidence, Instant at) {
        return new AnswerSubmitted(UUID.randomUUID(), UUID.randomUUID(), tenant, student, 1, itemId, 1, cardiology, "DEMO",
                correct ? "A" : "B", correct, confidence, 30_000, 0, 0.3, 0.9, "hard", "tutor", at);
    }

    /** Sends a delivery answer and waits until its attempt is logged. */
    UUID deliver(AnswerSubmitted answer) {
        long before = attempts(answer.itemId());
        UUID id = events.send(tenant, student.toString(), answer.quizId().toString(), answer);
        await().atMost(Duration.ofSeconds(20)).until(() -> attempts(answer.itemId()) == before + 1);
        return id;
    }

    long attempts(UUID itemId) {
        return count("SELECT count(*) FROM review_attempt WHERE user_id = $1 AND item_id = $2", student, itemId);
    }

    long count(String sql, Object... params) {
        return db.preparedQuery(sql).execute(Tuple.from(params)).await().indefinitely().iterator().next().getLong(0);
    }

    @Override
    public void close() {
        events.close();
    }
}
