package io.qbank.common.outbox;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.qbank.common.events.CloudEvent;
import io.qbank.common.events.CloudEventCodec;
import io.qbank.common.kafka.KafkaClients;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Publishes the outbox to Kafka in {@code seq} order and marks the rows sent, one batch per transaction.
 * <ul>
 * <li>Only one instance of a service relays at a time (a transaction-scoped advisory lock), so the order of
 * a key's events is the order of their rows, whatever the number of replicas.</li>
 * <li>Rows are marked sent only after Kafka acknowledged the whole batch (acks=all, idempotent producer);
 * when Kafka is down the transaction rolls back and the same rows are sent when it is back. A crash between
 * send and commit re-sends them: consumers are idempotent on {@code ce_id}.</li>
 * </ul>
 */
@ApplicationScoped
public class OutboxRelay {

    /** Advisory lock key: one per database, and every service has its own database. */
    private static final long RELAY_LOCK = 0x7162616e6b6f7574L; // "qbankout"
    /** Sent rows deleted per purge statement. */
    private static final int PURGE_BATCH = 10_000;

    private final Pool pool;
    private final Vertx vertx;
    private final OutboxConfig config;
    private final KafkaClients clients;
    private final String topicPrefix;
    private final Counter relayed;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile Producer<String, String> producer;
    private volatile boolean stopped;

    public OutboxRelay(Pool pool, Vertx vertx, OutboxConfig config, MeterRegistry registry, KafkaClients clients) {
        this.pool = pool;
        this.vertx = vertx;
        this.config = config;
        this.clients = clients;
        this.topicPrefix = config.topicPrefix().orElse("");
        this.relayed = Counter.builder("qbank.outbox.relayed").description("Events the outbox relay published to Kafka")
                .register(registry);
    }

    void start(@Observes StartupEvent event) {
        if (config.relayEnabled()) {
            scheduleNext(config.pollInterval().toMillis());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        Producer<String, String> p = producer;
        if (p != null) {
            p.close(java.time.Duration.ofSeconds(5));
        }
    }

    private void scheduleNext(long delayMillis) {
        if (stopped) {
            return;
        }
        vertx.setTimer(Math.max(1, delayMillis), id -> relayOnce().subscribe().with(
                sent -> scheduleNext(sent >= config.batchSize() ? 1 : config.pollInterval().toMillis()),
                failure -> {
                    if (stopped) {
                        return; // the pool closes under the last run at shutdown
                    }
                    Log.warnf("outbox relay failed, will retry: %s", failure.getMessage());
                    scheduleNext(Math.max(1000, config.pollInterval().toMillis()));
                }));
    }

    /** Sends one batch; the number of events sent (0 when another instance holds the relay lock). */
    public Uni<Integer> relayOnce() {
        if (!running.compareAndSet(false, true)) {
            return Uni.createFrom().item(0);
        }
        return pool.withTransaction(conn -> conn.preparedQuery("SELECT pg_try_advisory_xact_lock($1)")
                .execute(Tuple.of(RELAY_LOCK))
                .chain(rs -> rs.iterator().next().getBoolean(0) ? relayBatch(conn) : Uni.createFrom().item(0)))
                .eventually(() -> running.set(false));
    }

    private Uni<Integer> relayBatch(SqlConnection conn) {
        return conn.preparedQuery("""
                SELECT seq, event_id, topic, partition_key, ce_type, ce_source, ce_subject, tenant_id, payload, created_at
                FROM outbox_event WHERE sent_at IS NULL ORDER BY seq LIMIT $1""")
                .execute(Tuple.of(config.batchSize()))
                .chain(rows -> {
                    List<Row> batch = new ArrayList<>();
                    rows.forEach(batch::add);
                    if (batch.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    Long[] seqs = batch.stream().map(r -> r.getLong("seq")).toArray(Long[]::new);
                    return Uni.createFrom().item(() -> send(batch))
                            // the Kafka producer may block (metadata, buffer): never on the event loop
                            .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                            .chain(sent -> conn.preparedQuery("UPDATE outbox_event SET sent_at = now() WHERE seq = ANY($1)")
                                    .execute(Tuple.of(seqs)).replaceWith(sent));
                });
    }

    private int send(List<Row> batch) {
        Producer<String, String> p = producer();
        // One metadata look-up per topic first: with Kafka unreachable the batch fails after one max.block.ms,
        // not after one per record.
        batch.stream().map(r -> topicPrefix + r.getString("topic")).distinct().forEach(p::partitionsFor);
        List<Future<?>> acks = new ArrayList<>(batch.size());
        for (Row row : batch) {
            CloudEvent event = new CloudEvent(row.getUUID("event_id"), row.getString("ce_source"), row.getString("ce_type"),
                    row.getString("ce_subject"), row.getString("tenant_id"), createdAt(row), row.getString("payload"));
            acks.add(p.send(new ProducerRecord<>(topicPrefix + row.getString("topic"), null, event.time().toEpochMilli(),
                    row.getString("partition_key"), event.data(), CloudEventCodec.headers(event))));
        }
        p.flush();
        for (Future<?> ack : acks) {
            try {
                ack.get();
            } catch (Exception e) {
                throw new IllegalStateException("Kafka did not acknowledge the batch: " + e.getMessage(), e);
            }
        }
        relayed.increment(batch.size());
        return batch.size();
    }

    private static Instant createdAt(Row row) {
        OffsetDateTime t = row.getOffsetDateTime("created_at");
        return t.toInstant();
    }

    private Producer<String, String> producer() {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    Map<String, Object> own = new HashMap<>();
                    own.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + UUID.randomUUID());
                    own.put(ProducerConfig.ACKS_CONFIG, "all");
                    own.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
                    own.put(ProducerConfig.LINGER_MS_CONFIG, "2");
                    own.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
                    own.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
                    own.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "15000");
                    own.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                    own.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                    producer = new KafkaProducer<>(clients.properties(own));
                }
            }
        }
        return producer;
    }

    /**
     * Sent rows are kept for audit and replay for the configured retention, then purged: every row before the first one
     * that is recent or still unsent, found by walking the primary key (rows are sent in seq order), in batches of
     * {@value #PURGE_BATCH} rows so that no statement holds many locks or runs for long.
     */
    @Scheduled(every = "1h", delayed = "1m")
    public Uni<Void> purgeSent() {
        return pool.preparedQuery("""
                SELECT COALESCE((SELECT seq FROM outbox_event WHERE created_at >= $1 OR sent_at IS NULL ORDER BY seq LIMIT 1),
                                (SELECT max(seq) + 1 FROM outbox_event))""")
                .execute(Tuple.of(OffsetDateTime.now().minus(config.retention())))
                .map(rows -> rows.iterator().next().getLong(0))
                .chain(bound -> bound == null ? Uni.createFrom().voidItem() : purgeBelow(bound));
    }

    private Uni<Void> purgeBelow(long bound) {
        return pool.preparedQuery("""
                DELETE FROM outbox_event WHERE seq = ANY(ARRAY(SELECT seq FROM outbox_event WHERE seq < $1 ORDER BY seq LIMIT $2))""")
                .execute(Tuple.of(bound, PURGE_BATCH))
                .chain(deleted -> deleted.rowCount() < PURGE_BATCH ? Uni.createFrom().voidItem() : purgeBelow(bound));
    }

}
