package io.qbank.authoring.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.qbank.common.events.CloudEventCodec;
import io.qbank.common.events.EventJson;
import io.qbank.common.events.ItemRetired;
import io.qbank.common.events.Topics;
import io.qbank.common.kafka.KafkaClients;
import io.qbank.common.outbox.OutboxConfig;
import io.qbank.common.outbox.OutboxEvent;
import io.qbank.common.outbox.OutboxRelay;
import io.qbank.common.testing.KafkaTopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The relay of qbank-common against the real database and broker: with Kafka unreachable nothing is marked
 * sent and nothing is lost; once Kafka answers, every row goes out, in order per key, exactly once marked.
 * The application's own relay is off here so that the test drives relay instances itself.
 */
@QuarkusTest
@TestProfile(OutboxRelayTest.RelayOff.class)
class OutboxRelayTest {

    public static class RelayOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("qbank.outbox.relay-enabled", "false");
        }
    }

    @Inject
    Pool pool;
    @Inject
    Vertx vertx;

    private final String tenant = "t-" + UUID.randomUUID();

    private OutboxRelay relay(String bootstrap) {
        OutboxConfig config = new OutboxConfig() {
            public Duration pollInterval() {
                return Duration.ofMillis(100);
            }

            public int batchSize() {
                return 500;
            }

            public Duration retention() {
                return Duration.ofDays(7);
            }

            public boolean relayEnabled() {
                return false;
            }

            public java.util.Optional<String> topicPrefix() {
                return java.util.Optional.empty();
            }
        };
        return new OutboxRelay(pool, vertx, config, new SimpleMeterRegistry(), new KafkaClients(Map.of("bootstrap.servers", bootstrap)));
    }

    private void insert(UUID itemId, int version) {
        OutboxEvent row = new OutboxEvent();
        row.eventId = UUID.randomUUID();
        String payload = EventJson.write(new ItemRetired(itemId, version, tenant, List.of("DEMO"), java.time.Instant.now()));
        pool.preparedQuery("""
                INSERT INTO outbox_event (event_id, topic, partition_key, ce_type, ce_source, ce_subject, tenant_id, payload)
                VALUES ($1, $2, $3, 'qbank.item.retired.v1', 'authoring-service', $3, $4, $5)""")
                .execute(Tuple.of(row.eventId, Topics.ITEMS, itemId.toString(), tenant, payload)).await().indefinitely();
    }

    private long unsent() {
        return pool.preparedQuery("SELECT count(*) FROM outbox_event WHERE tenant_id = $1 AND sent_at IS NULL")
                .execute(Tuple.of(tenant)).await().indefinitely().iterator().next().getLong(0);
    }

    @Test
    void nothingIsLostWhileKafkaIsDownAndOrderPerKeyHoldsWhenItIsBack() {
        UUID first = UUID.randomUUID(), second = UUID.randomUUID();
        for (int version = 1; version <= 5; version++) { // interleaved keys
            insert(first, version);
            insert(second, version);
        }
        assertThat(unsent()).isEqualTo(10);

        OutboxRelay down = relay("127.0.0.1:1"); // nothing listens there
        assertThatThrownBy(() -> down.relayOnce().await().atMost(Duration.ofSeconds(30)));
        assertThat(unsent()).as("rows stay unsent while Kafka is unreachable").isEqualTo(10);

        try (KafkaTopicReader items = new KafkaTopicReader(Topics.ITEMS)) {
            OutboxRelay up = relay(System.getProperty("kafka.bootstrap.servers", "localhost:9092"));
            int sent = 0;
            while (unsent() > 0) { // other tests' rows may share the batch
                sent += up.relayOnce().await().atMost(Duration.ofSeconds(30));
            }
            assertThat(sent).isGreaterThanOrEqualTo(10);
            assertThat(up.relayOnce().await().atMost(Duration.ofSeconds(30))).isZero();

            List<ConsumerRecord<String, String>> records = items.await(
                    r -> tenant.equals(CloudEventCodec.decode(r).tenant()), 10, Duration.ofSeconds(15));
            assertThat(records).hasSize(10);
            for (UUID key : List.of(first, second)) {
                List<Integer> versions = records.stream().filter(r -> r.key().equals(key.toString()))
                        .map(r -> CloudEventCodec.decode(r).dataAs(ItemRetired.class).version()).toList();
                assertThat(versions).as("order of key %s", key).containsExactly(1, 2, 3, 4, 5);
            }
        }
    }

    /**
     * Rows given seq values below every real one (negative), so that the purge's walk in seq order meets them first:
     * old sent rows go, up to the first unsent one; once that one is sent, the rest go too. Recent rows stay.
     */
    @Test
    void thePurgeRemovesOldSentRowsUpToTheFirstUnsentOne() {
        pool.preparedQuery("DELETE FROM outbox_event WHERE seq < 0").execute().await().indefinitely();
        String old = "now() - interval '8 days'";
        insertAt(-5, old, old);
        insertAt(-4, old, old);
        insertAt(-3, old, "NULL"); // not sent yet
        insertAt(-2, old, old);
        insertAt(-1, "now()", "now()"); // sent, but within the retention

        relay("127.0.0.1:1").purgeSent().await().indefinitely();
        assertThat(negativeSeqs()).containsExactly(-3L, -2L, -1L);

        pool.preparedQuery("UPDATE outbox_event SET sent_at = now() - interval '8 days' WHERE seq = -3").execute().await().indefinitely();
        relay("127.0.0.1:1").purgeSent().await().indefinitely();
        assertThat(negativeSeqs()).containsExactly(-1L);
        pool.preparedQuery("DELETE FROM outbox_event WHERE seq < 0").execute().await().indefinitely();
    }

    private void insertAt(long seq, String createdAt, String sentAt) {
        pool.preparedQuery("""
                INSERT INTO outbox_event (seq, event_id, topic, partition_key, ce_type, ce_source, ce_subject, tenant_id, payload, created_at, sent_at)
                VALUES ($1, $2, 'qbank.items.v1', 'k', 'qbank.item.retired.v1', 'authoring-service', 'k', $3, '{}', %s, %s)"""
                .formatted(createdAt, sentAt)).execute(Tuple.of(seq, UUID.randomUUID(), tenant)).await().indefinitely();
    }

    private List<Long> negativeSeqs() {
        List<Long> seqs = new java.util.ArrayList<>();
        pool.preparedQuery("SELECT seq FROM outbox_event WHERE seq < 0 ORDER BY seq").execute().await().indefinitely()
                .forEach(r -> seqs.add(r.getLong(0)));
        return seqs;
    }
}
