package io.qbank.delivery.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.qbank.common.events.ItemOption;
import io.qbank.common.events.ItemPublished;
import io.qbank.common.testing.TestEvents;
import io.qbank.common.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** A fresh tenant and exam code per test, an item bank published through Kafka as authoring would, and a student. */
final class DeliveryFixtures {

    static final String BASE = "/api/v1/quizzes";

    final String tenant = "t-" + UUID.randomUUID();
    final String exam = "EX" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000);
    final UUID student = UUID.randomUUID();
    private final Pool db;

    DeliveryFixtures(Pool db) {
        this.db = db;
    }

    /** An item whose key is A, under the given topic path (root first). */
    ItemPublished item(UUID itemId, int version, List<String> exams, String stem, List<UUID> topicPath, String difficulty, int level) {
        return new ItemPublished(itemId, version, tenant, exams, topicPath.get(topicPath.size() - 1), "Topic " + topicPath.size(), "CV",
                stem, "Which is the most likely diagnosis?",
                List.of(new ItemOption("A", "Right", true, "because right"), new ItemOption("B", "Wrong 1", false, "no"),
                        new ItemOption("C", "Wrong 2", false, "no"), new ItemOption("D", "Wrong 3", false, "no")),
                "A", "The rationale", difficulty, level, Instant.now(), topicPath, null, List.of(), null, List.of(), List.of(), List.of(),
                "human");
    }

    /** Publishes n medium items of the exam, each under a topic of its own ("Stem 0", "Stem 1"…), and waits for the pool. */
    void publishBank(int n) {
        List<ItemPublished> bank = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            bank.add(item(UUID.randomUUID(), 1, List.of(exam), "Stem " + i, List.of(UUID.randomUUID()), "medium", 3));
        }
        publish(bank);
    }

    /** Publishes the items and waits until the pool holds them all. */
    void publish(List<ItemPublished> items) {
        long expected = poolSize() + items.stream().map(ItemPublished::itemId).distinct().count();
        try (TestEvents events = new TestEvents()) {
            for (ItemPublished item : items) {
                events.send(tenant, item.itemId().toString(), item.itemId().toString(), item);
            }
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> poolSize() >= expected);
    }

    long poolSize() {
        return count("SELECT count(*) FROM pool_entry WHERE tenant_id = $1 AND exam_code = $2", tenant, exam);
    }

    long count(String sql, Object... params) {
        return db.preparedQuery(sql).execute(Tuple.from(params)).await().indefinitely().iterator().next().getLong(0);
    }

    RequestSpecification as(UUID user, String tenantId, String... roles) {
        return given().header("Authorization", TestTokens.bearer(user, tenantId, roles)).contentType(ContentType.JSON);
    }

    RequestSpecification asStudent() {
        return as(student, tenant, "student");
    }

    String start(Map<String, Object> body) {
        return asStudent().body(body).post(BASE).then().statusCode(201).extract().path("id");
    }

    io.restassured.response.Response next(String quizId) {
        return asStudent().post(BASE + "/" + quizId + "/next");
    }

    io.restassured.response.Response answer(String quizId, int position, String label) {
        return asStudent().body(Map.of("position", position, "selectedLabel", label, "confidence", 4, "timeTakenMs", 20000))
                .post(BASE + "/" + quizId + "/answers");
    }
}
