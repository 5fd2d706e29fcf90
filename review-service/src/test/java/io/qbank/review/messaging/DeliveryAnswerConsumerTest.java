package io.qbank.review.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import io.qbank.common.events.AnswerSubmitted;
import io.qbank.common.events.Topics;
import io.qbank.common.testing.KafkaTopicReader;
import io.qbank.common.testing.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Batches from the real broker: many answers at once, duplicates inside and across batches, poison among them. */
@QuarkusTest
class DeliveryAnswerConsumerTest {

    @Inject
    Pool db;

    private final String tenant = "t-" + UUID.randomUUID();

    private long count(String sql, Object... params) {
        return db.preparedQuery(sql).execute(Tuple.from(params)).await().indefinitely().iterator().next().getLong(0);
    }

    private AnswerSubmitted answer(UUID user, UUID item, boolean correct, Instant at) {
        return new AnswerSubmitted(UUID.randomUUID(), UUID.randomUUID(), tenant, user, 1, item, 1, null, "DEMO", "A", correct, 4, 10_000,
                0, 0, 1, "easy", "exam", at);
    }

    @Test
    void aBurstWithDuplicatesAndPoisonAppliesEveryGoodEventOnceInOrderPerUser() {
        List<UUID> users = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        UUID item = UUID.randomUUID();
        Instant t = Instant.parse("2026-11-01T10:00:00Z");
        List<UUID> sent = new ArrayList<>();
        try (TestEvents events = new TestEvents(); KafkaTopicReader dlq = new KafkaTopicReader(Topics.DELIVERY + ".dlq")) {
            for (int i = 0; i < 10; i++) {
                for (UUID user : users) {
                    AnswerSubmitted a = answer(user, item, i % 4 != 3, t.plus(Duration.ofDays(i)));
                    UUID id = events.send(tenant, user.toString(), a.quizId().toString(), a);
                    sent.add(id);
                    if (i == 5) {
                        events.send(id, tenant, user.toString(), a.quizId().toString(), a); // redelivered right away
                    }
                }
                if (i == 4) {
                    RecordHeaders headers = new RecordHeaders();
                    headers.add("ce_specversion", "0.3".getBytes(StandardCharsets.UTF_8));
                    events.sendRaw(Topics.DELIVERY, users.get(0).toString(), "{not json", headers, UUID.randomUUID());
                    // a CloudEvent whose payload is out of range: refused alone, the rest of its batch applies
                    AnswerSubmitted bad = new AnswerSubmitted(UUID.randomUUID(), UUID.randomUUID(), tenant, users.get(1), 1, item, 1, null,
                            "DEMO", "A", true, 9, 10_000, 0, 0, 1, "easy", "exam", t);
                    events.send(tenant, users.get(1).toString(), bad.quizId().toString(), bad);
                }
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> count(
                    "SELECT count(*) FROM review_attempt WHERE tenant_id = $1 AND item_id = $2", tenant, item) == 30);
            List<String> keys = users.stream().map(UUID::toString).toList(); // other tests dead-letter on this topic too
            List<ConsumerRecord<String, String>> letters = dlq.await(r -> keys.contains(r.key()), 2, Duration.ofSeconds(15));
            assertThat(letters).extracting(r -> new String(r.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                    .satisfiesExactlyInAnyOrder(reason -> assertThat(reason).contains("ce_specversion=0.3"),
                            reason -> assertThat(reason).contains("out of range"));
        }
        // each user: 10 answers, applied in order: the schedule saw all 10 with 2 lapses (i = 3, 7)
        for (UUID user : users) {
            var row = db.preparedQuery("SELECT attempts, lapses, last_answered_at FROM review_schedule WHERE tenant_id = $1 AND user_id = $2")
                    .execute(Tuple.of(tenant, user)).await().indefinitely().iterator().next();
            assertThat(row.getInteger("attempts")).isEqualTo(10);
            assertThat(row.getInteger("lapses")).isEqualTo(2);
            assertThat(row.getOffsetDateTime("last_answered_at").toInstant()).isEqualTo(t.plus(Duration.ofDays(9)));
        }
        assertThat(count("SELECT count(*) FROM processed_event WHERE consumer = 'schedules' AND event_id = ANY($1)",
                (Object) sent.toArray(UUID[]::new))).isEqualTo(30);
        assertThat(count("SELECT count(*) FROM review_profile WHERE tenant_id = $1", tenant)).isEqualTo(3);
    }
}
