package io.qbank.common.inbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.micrometer.core.instrument.MeterRegistry;
import io.qbank.common.error.ApiException;
import io.qbank.common.events.CloudEvent;
import io.qbank.common.events.CloudEventCodec;
import io.qbank.common.events.PoisonEventException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;

/**
 * {@link IdempotentConsumer} for a whole poll at once (a {@code batch=true} channel taking {@code ConsumerRecords}), for the high-volume topics: one transaction records every
 * new ce_id in {@code processed_event} and runs the projection over the new events, in record order. A batch costs
 * a handful of statements instead of a handful per event.
 * <ul>
 * <li>Unreadable records and events that the projection refuses on their own go to {@code <topic>.dlq}
 * ({@link DeadLetters}); the rest of the batch is applied.</li>
 * <li>Transient failures (the database away, a deadlock) are retried with back-off, never dead-lettered, so an
 * outage loses nothing.</li>
 * </ul>
 */
@ApplicationScoped
public class IdempotentBatchConsumer {

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final Pool pool;
    private final DeadLetters deadLetters;
    private final MeterRegistry registry;

    public IdempotentBatchConsumer(Pool pool, DeadLetters deadLetters, MeterRegistry registry) {
        this.pool = pool;
        this.deadLetters = deadLetters;
        this.registry = registry;
    }

    /**
     * @param projection runs in the transaction with the events not seen before by {@code consumer}, in record order
     * @return how many events were applied
     */
    public Uni<Integer> apply(String consumer, Iterable<ConsumerRecord<String, String>> records,
            BiFunction<SqlConnection, List<CloudEvent>, Uni<?>> projection) {
        return apply(consumer, records, projection, true);
    }

    /**
     * For a projection whose every write is idempotent by the events' own business keys (facts inserted only if absent,
     * rollups fed only from the rows actually inserted): the same batches, dead letters and retries, without a
     * {@code processed_event} row per event, which on a high-volume topic is a good part of the work. The projection
     * sees every event of the batch; the metrics count them all as applied.
     */
    public Uni<Integer> applyKeyed(String consumer, Iterable<ConsumerRecord<String, String>> records,
            BiFunction<SqlConnection, List<CloudEvent>, Uni<?>> projection) {
        return apply(consumer, records, projection, false);
    }

    private Uni<Integer> apply(String consumer, Iterable<ConsumerRecord<String, String>> records,
            BiFunction<SqlConnection, List<CloudEvent>, Uni<?>> projection, boolean claim) {
        Map<UUID, CloudEvent> events = new LinkedHashMap<>();
        Map<UUID, ConsumerRecord<String, String>> origins = new LinkedHashMap<>();
        List<Uni<Void>> poison = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                CloudEvent event = CloudEventCodec.decode(record);
                if (events.putIfAbsent(event.id(), event) == null) {
                    origins.put(event.id(), record);
                }
            } catch (PoisonEventException e) {
                poison.add(deadLetters.send(record, e));
            }
        }
        Uni<Void> dead = poison.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(poison).andFailFast().replaceWithVoid();
        List<CloudEvent> batch = List.copyOf(events.values());
        long start = System.nanoTime();
        return dead.chain(() -> transaction(consumer, batch, projection, claim))
                .onFailure(IdempotentBatchConsumer::isPermanent).recoverWithUni(failure -> oneByOne(consumer, batch, origins, projection, claim))
                .invoke(applied -> {
                    registry.timer("qbank.events.batch", "consumer", consumer).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                    registry.summary("qbank.events.batch.size", "consumer", consumer).record(batch.size());
                    registry.counter("qbank.events.consumed", "consumer", consumer, "outcome", "applied").increment(applied);
                    registry.counter("qbank.events.consumed", "consumer", consumer, "outcome", "duplicate")
                            .increment(batch.size() - applied);
                });
    }

    /** After a permanent failure of the batch: each event alone, so that only the guilty one is dead-lettered. */
    private Uni<Integer> oneByOne(String consumer, List<CloudEvent> batch, Map<UUID, ConsumerRecord<String, String>> origins,
            BiFunction<SqlConnection, List<CloudEvent>, Uni<?>> projection, boolean claim) {
        return Multi.createFrom().iterable(batch)
                .onItem().transformToUniAndConcatenate(event -> transaction(consumer, List.of(event), projection, claim)
                        .onFailure(IdempotentBatchConsumer::isPermanent)
                        .recoverWithUni(failure -> deadLetters.send(origins.get(event.id()), failure).replaceWith(0)))
                .collect().asList().map(counts -> counts.stream().mapToInt(Integer::intValue).sum());
    }

    private Uni<Integer> transaction(String consumer, List<CloudEvent> batch, BiFunction<SqlConnection, List<CloudEvent>, Uni<?>> projection,
            boolean claim) {
        if (batch.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        if (!claim) {
            return pool.withTransaction(connection -> projection.apply(connection, batch).replaceWith(batch.size()))
                    .onFailure(failure -> !isPermanent(failure)).retry().withBackOff(FIRST_BACKOFF, MAX_BACKOFF).indefinitely();
        }
        return pool.withTransaction(connection -> claim(connection, consumer, batch)
                .chain(claimed -> {
                    List<CloudEvent> fresh = batch.stream().filter(e -> claimed.contains(e.id())).toList();
                    return fresh.isEmpty() ? Uni.createFrom().item(0) : projection.apply(connection, fresh).replaceWith(fresh.size());
                }))
                .onFailure(failure -> !isPermanent(failure)).retry().withBackOff(FIRST_BACKOFF, MAX_BACKOFF).indefinitely();
    }

    /** Inserts the batch's ids into processed_event; returns those that were not there before. */
    static Uni<Set<UUID>> claim(SqlConnection connection, String consumer, List<CloudEvent> batch) {
        return connection.preparedQuery("""
                INSERT INTO processed_event (consumer, event_id, ce_type)
                SELECT $1, id, type FROM unnest($2::uuid[], $3::text[]) AS e(id, type)
                ON CONFLICT DO NOTHING RETURNING event_id""")
                .execute(Tuple.of(consumer, batch.stream().map(CloudEvent::id).toArray(UUID[]::new),
                        batch.stream().map(CloudEvent::type).toArray(String[]::new)))
                .map(rows -> {
                    Set<UUID> claimed = new HashSet<>();
                    for (Row row : rows) {
                        claimed.add(row.getUUID(0));
                    }
                    return claimed;
                });
    }

    /**
     * A failure that happens again however often the event is retried: unreadable payloads, refused content, and the
     * database's cardinality, data and constraint errors (SQLSTATE classes 21, 22 and 23; a batch that upserts one row
     * twice is class 21, and is then applied event by event). Anything else (connections, deadlocks,
     * serialisation failures) is retried.
     */
    static boolean isPermanent(Throwable failure) {
        if (failure instanceof PoisonEventException || failure instanceof IllegalArgumentException || failure instanceof ApiException) {
            return true;
        }
        if (failure instanceof PgException pg && pg.getSqlState() != null) {
            return pg.getSqlState().startsWith("21") || pg.getSqlState().startsWith("22") || pg.getSqlState().startsWith("23");
        }
        return false;
    }
}
