package io.qbank.common.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.qbank.common.events.EventJson;
import io.qbank.common.events.EventType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Appends an event to the outbox in the caller's transaction: call it inside the {@code @WithTransaction}
 * that makes the state change, so both commit or neither does. {@link OutboxRelay} sends it later.
 */
@ApplicationScoped
public class OutboxWriter {

    private final String source;

    public OutboxWriter(@ConfigProperty(name = "quarkus.application.name") String source) {
        this.source = source;
    }

    /**
     * @param partitionKey the Kafka key (the contract's key of the topic: item id, user id, job id)
     * @param subject      the aggregate the event is about ({@code ce_subject})
     */
    public Uni<UUID> append(String tenantId, String partitionKey, String subject, Record payload) {
        OutboxEvent event = toRow(source, tenantId, partitionKey, subject, payload, Instant.now());
        return Panache.getSession().chain(session -> session.persist(event)).replaceWith(event.eventId);
    }

    static OutboxEvent toRow(String source, String tenantId, String partitionKey, String subject, Record payload, Instant now) {
        EventType type = EventType.of(payload);
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID();
        event.topic = type.topic();
        event.partitionKey = partitionKey;
        event.ceType = type.ceType();
        event.ceSource = source;
        event.ceSubject = subject;
        event.tenantId = tenantId;
        event.payload = EventJson.write(payload);
        event.createdAt = now;
        return event;
    }
}
