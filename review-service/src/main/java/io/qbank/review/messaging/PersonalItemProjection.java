package io.qbank.review.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.qbank.common.events.EventType;
import io.qbank.common.events.PersonalItemChanged;
import io.qbank.common.inbox.IdempotentBatchConsumer;
import io.qbank.review.repository.ItemRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Learners' personal questions from qbank.personal.v1 (compacted, so a replay from the start rebuilds them): each is
 * reviewed by its owner alone, like a bank item; a removed one leaves nothing behind here.
 */
@ApplicationScoped
public class PersonalItemProjection {

    private final IdempotentBatchConsumer consumer;
    private final ItemRepository items;

    public PersonalItemProjection(IdempotentBatchConsumer consumer, ItemRepository items) {
        this.consumer = consumer;
        this.items = items;
    }

    @Incoming("personal")
    public Uni<Void> onPersonalItems(ConsumerRecords<String, String> records) {
        return consumer.apply("personal-items", records, (connection, events) -> Multi.createFrom().iterable(events)
                .filter(event -> EventType.ofCeType(event.type()).orElse(null) == EventType.PERSONAL_ITEM_CHANGED)
                .onItem().transformToUniAndConcatenate(event -> items.personal(connection, event.dataAs(PersonalItemChanged.class)))
                .collect().last()).replaceWithVoid();
    }
}
