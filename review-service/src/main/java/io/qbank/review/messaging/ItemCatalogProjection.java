package io.qbank.review.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.qbank.common.events.CloudEvent;
import io.qbank.common.events.EventType;
import io.qbank.common.events.ItemPublished;
import io.qbank.common.events.ItemRetired;
import io.qbank.common.inbox.IdempotentBatchConsumer;
import io.qbank.review.repository.ItemRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * The items review sessions serve, from qbank.items.v1 (compacted, so a replay from the start rebuilds it): every
 * published version, and per item where it is live; an item retired everywhere drops out of due queues.
 */
@ApplicationScoped
public class ItemCatalogProjection {

    private final IdempotentBatchConsumer consumer;
    private final ItemRepository items;

    public ItemCatalogProjection(IdempotentBatchConsumer consumer, ItemRepository items) {
        this.consumer = consumer;
        this.items = items;
    }

    @Incoming("items")
    public Uni<Void> onItemEvents(ConsumerRecords<String, String> records) {
        return consumer.apply("item-catalog", records, (connection, events) -> Multi.createFrom().iterable(events)
                .onItem().transformToUniAndConcatenate(event -> project(connection, event))
                .collect().last()).replaceWithVoid();
    }

    private Uni<Void> project(SqlConnection connection, CloudEvent event) {
        EventType type = EventType.ofCeType(event.type()).orElse(null);
        if (type == EventType.ITEM_PUBLISHED) {
            return items.published(connection, event.dataAs(ItemPublished.class));
        }
        if (type == EventType.ITEM_RETIRED) {
            return items.retired(connection, event.dataAs(ItemRetired.class));
        }
        return Uni.createFrom().voidItem();
    }
}
