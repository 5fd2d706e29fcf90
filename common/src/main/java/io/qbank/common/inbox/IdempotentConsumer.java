package io.qbank.common.inbox;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.micrometer.core.instrument.MeterRegistry;
import io.qbank.common.events.CloudEvent;
import io.qbank.common.events.CloudEventCodec;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * At-least-once in, exactly-once effect: the event id is recorded in {@code processed_event} in the same
 * transaction as the projection, so a redelivered event finds its id there and changes nothing.
 * A record that is not a readable CloudEvent fails with {@link io.qbank.common.events.PoisonEventException},
 * which the channel's dead-letter strategy sends to {@code <topic>.dlq} with the reason.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private final MeterRegistry registry;

    public IdempotentConsumer(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * @param consumer   the projection's name; each projection of a service sees every event once
     * @param projection the state change, run inside the transaction only for an event not seen before
     * @return true if the event was applied, false if it was a duplicate
     */
    public Uni<Boolean> apply(String consumer, ConsumerRecord<String, String> record, Function<CloudEvent, Uni<?>> projection) {
        CloudEvent event = CloudEventCodec.decode(record);
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                        INSERT INTO processed_event (consumer, event_id, ce_type) VALUES (?1, ?2, ?3)
                        ON CONFLICT DO NOTHING""")
                        .setParameter(1, consumer)
                        .setParameter(2, event.id())
                        .setParameter(3, event.type())
                        .executeUpdate())
                .chain(inserted -> inserted == 1
                        ? projection.apply(event).replaceWith(Boolean.TRUE)
                        : Uni.createFrom().item(Boolean.FALSE)))
                .invoke(applied -> registry.counter("qbank.events.consumed", "consumer", consumer,
                        "outcome", applied ? "applied" : "duplicate").increment());
    }
}
