package io.qbank.analytics.rest;

import static io.qbank.common.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import io.qbank.common.events.AnswerSubmitted;
import io.qbank.common.events.QuizStarted;
import io.qbank.common.events.Topics;
import io.qbank.common.testing.KafkaTopicReader;
import io.qbank.common.testing.TestEvents;
import io.qbank.common.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
class CohortResourceTest {

    private static final String DAILY = "/api/v1/analytics/cohorts/daily";

    @Inject
    Pool db;

    private final String tenant = "t-" + UUID.randomUUID();

    private AnswerSubmitted answer(UUID user, boolean correct, long ms, Instant at) {
        return new AnswerSubmitted(UUID.randomUUID(), UUID.randomUUID(), tenant, user, 1, UUID.randomUUID(), 1, UUID.randomUUID(), "DEMO",
                "A", correct, 3, ms, 0, 0.2, 0.9, "medium", "tutor", at);
    }

    private RequestSpecification as(String tenantId, String... roles) {
        return given().header("Authorization", TestTokens.bearer(UUID.randomUUID(), tenantId, roles));
    }

    private long facts() {
        return db.preparedQuery("SELECT count(*) FROM response_fact WHERE tenant_id = $1").execute(Tuple.of(tenant))
                .await().indefinitely().iterator().next().getLong(0);
    }

    @Test
    void answersRollUpPerTenantAndDayAndARedeliveredEventCountsOnce() {
        UUID alice = UUID.randomUUID(), bob = UUID.randomUUID();
        Instant day1 = Instant.parse("2026-11-20T08:00:00Z"), day2 = Instant.parse("2026-11-21T23:59:00Z");
        try (TestEvents events = new TestEvents()) {
            AnswerSubmitted first = answer(alice, true, 10_000, day1);
            UUID id = events.send(tenant, alice.toString(), first.quizId().toString(), first);
            events.send(id, tenant, alice.toString(), first.quizId().toString(), first); // redelivered
            events.send(tenant, alice.toString(), "q", answer(alice, false, 20_000, day1));
            events.send(tenant, bob.toString(), "q", answer(bob, true, 30_000, day1));
            events.send(tenant, bob.toString(), "q", answer(bob, true, 40_000, day2));
            // other event types on the topic are not responses
            events.send(tenant, bob.toString(), "q", new QuizStarted(UUID.randomUUID(), tenant, bob, "DEMO", "tutor", true, 5, null, day2));
            await().atMost(Duration.ofSeconds(20)).until(() -> facts() == 4);
        }
        as(tenant, "publisher").get(DAILY + "?from=2026-11-20&to=2026-11-21").then().statusCode(200)
                .body("size()", equalTo(2))
                .body("[0].day", equalTo("2026-11-20")).body("[0].attempts", equalTo(3)).body("[0].correct", equalTo(2))
                .body("[0].activeUsers", equalTo(2)).body("[0].meanTimeMs", equalTo(20000.0f))
                .body("[1].day", equalTo("2026-11-21")).body("[1].attempts", equalTo(1)).body("[1].activeUsers", equalTo(1))
                .body("[1].accuracy", equalTo(1.0f));
        // the rollup agrees with the fact table it was built from
        var check = db.preparedQuery("""
                SELECT count(*), count(*) FILTER (WHERE correct), count(DISTINCT user_id) FROM response_fact
                WHERE tenant_id = $1 AND day = '2026-11-20'""").execute(Tuple.of(tenant)).await().indefinitely().iterator().next();
        assertThat(check.getLong(0)).isEqualTo(3);
        assertThat(check.getLong(1)).isEqualTo(2);
        assertThat(check.getLong(2)).isEqualTo(2);
        // another tenant's publisher sees none of it
        as("other-" + UUID.randomUUID(), "publisher").get(DAILY + "?from=2026-11-20&to=2026-11-21").then().statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicWithItsReasonAndTheConsumerCarriesOn() {
        String key = "poison-" + UUID.randomUUID();
        try (TestEvents events = new TestEvents(); KafkaTopicReader dlq = new KafkaTopicReader(Topics.deadLetter(Topics.DELIVERY))) {
            events.sendRaw(Topics.DELIVERY, key, "{\"not\": \"a cloud event\"}", new RecordHeaders(), null);
            var dead = dlq.await(r -> key.equals(r.key()) && r.headers().lastHeader("dead-letter-reason") != null
                    && new String(r.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8).contains("ce_specversion"),
                    1, Duration.ofSeconds(20));
            assertThat(dead).as("the poison record on %s with a reason", Topics.deadLetter(Topics.DELIVERY)).isNotEmpty();
            // the channel is still consuming after the poison record
            events.send(tenant, "u", "q", answer(UUID.randomUUID(), true, 1_000, Instant.parse("2026-11-20T08:00:00Z")));
            await().atMost(Duration.ofSeconds(20)).until(() -> facts() == 1);
        }
    }

    @Test
    void securityAndBadInput() {
        assertProblem(given().get(DAILY).then(), 401);
        assertProblem(given().header("Authorization", TestTokens.bearerWithoutTenant(UUID.randomUUID(), "admin")).get(DAILY).then(), 401);
        assertProblem(as(tenant, "student").get(DAILY).then(), 403);
        assertProblem(as(tenant, "author").get(DAILY).then(), 403);
        assertProblem(as(tenant, "admin").get(DAILY + "?from=yesterday").then(), 400);
        assertProblem(as(tenant, "admin").get(DAILY + "?from=2026-11-21&to=2026-11-20").then(), 400);
        assertProblem(as(tenant, "admin").get(DAILY + "?from=2020-01-01&to=2026-01-01").then(), 400);
        as(tenant, "admin").get(DAILY).then().statusCode(200);
    }
}
