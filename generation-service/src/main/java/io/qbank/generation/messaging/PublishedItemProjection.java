package io.qbank.generation.messaging;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.qbank.common.events.CloudEvent;
import io.qbank.common.events.EventType;
import io.qbank.common.events.ItemOption;
import io.qbank.common.events.ItemPublished;
import io.qbank.common.inbox.IdempotentBatchConsumer;
import io.qbank.generation.service.PublishedItems;
import io.smallrye.mutiny.Uni;

/**
 * Every published item version of qbank.items.v1 is embedded (stem, lead-in and key, as generated items are) and kept
 * per tenant for de-duplication. Idempotent by item version; retirements change nothing (a retired question is still
 * one the bank has had).
 */
@ApplicationScoped
public class PublishedItemProjection {

    private final IdempotentBatchConsumer consumer;
    private final PublishedItems published;

    public PublishedItemProjection(IdempotentBatchConsumer consumer, PublishedItems published) {
        this.consumer = consumer;
        this.published = published;
    }

    @Incoming("items")
    public Uni<Void> onItemEvents(ConsumerRecords<String, String> records) {
        return consumer.applyKeyed("published-items", records, (connection, events) -> {
            List<ItemPublished> items = new ArrayList<>();
            for (CloudEvent event : events) {
                if (EventType.ofCeType(event.type()).orElse(null) == EventType.ITEM_PUBLISHED) {
                    items.add(event.dataAs(ItemPublished.class));
                }
            }
            return items.isEmpty() ? Uni.createFrom().voidItem() : published.store(connection, items);
        }).replaceWithVoid();
    }

    /** The text whose embedding stands for the item: the case, the question and the answer. */
    public static String fingerprint(ItemPublished item) {
        String key = item.options() == null ? "" : item.options().stream().filter(ItemOption::correct).map(ItemOption::text).findFirst().orElse("");
        return item.stem() + "\n" + item.leadIn() + "\nAnswer: " + key;
    }
}
