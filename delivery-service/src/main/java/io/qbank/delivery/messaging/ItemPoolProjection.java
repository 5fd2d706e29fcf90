package io.qbank.delivery.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.qbank.common.events.CloudEvent;
import io.qbank.common.events.EventType;
import io.qbank.common.events.ExposureControlUpdated;
import io.qbank.common.events.ItemCalibrated;
import io.qbank.common.events.ItemPublished;
import io.qbank.common.events.ItemRetired;
import io.qbank.common.inbox.IdempotentBatchConsumer;
import io.qbank.delivery.repository.PoolRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Keeps the item pool from two compacted topics, each replayable from its beginning to rebuild the pool:
 * {@code qbank.items.v1} (a published version becomes live for its exam codes and replaces an older live version; a
 * retired item leaves them) and {@code qbank.calibration.v1} (IRT parameters and Sympson–Hetter acceptance per item
 * version, from analytics). Idempotent on ce_id; a poll is applied in one transaction.
 */
@ApplicationScoped
public class ItemPoolProjection {

    private final IdempotentBatchConsumer consumer;
    private final PoolRepository pool;

    public ItemPoolProjection(IdempotentBatchConsumer consumer, PoolRepository pool) {
        this.consumer = consumer;
        this.pool = pool;
    }

    @Incoming("items")
    public Uni<Void> onItemEvents(ConsumerRecords<String, String> records) {
        return consumer.apply("item-pool", records, this::projectAll).replaceWithVoid();
    }

    @Incoming("calibrations")
    public Uni<Void> onCalibrationEvents(ConsumerRecords<String, String> records) {
        return consumer.apply("calibrations", records, this::projectAll).replaceWithVoid();
    }

    private Uni<?> projectAll(SqlConnection connection, List<CloudEvent> events) {
        return Multi.createFrom().iterable(events).onItem().transformToUniAndConcatenate(event -> project(connection, event)).collect().last();
    }

    private Uni<Void> project(SqlConnection connection, CloudEvent event) {
        EventType type = EventType.ofCeType(event.type()).orElse(null);
        if (type == null) {
            return Uni.createFrom().voidItem(); // a newer event type than this service knows: not for it
        }
        return switch (type) {
            case ITEM_PUBLISHED -> pool.published(connection, event.dataAs(ItemPublished.class));
            case ITEM_RETIRED -> pool.retired(connection, event.dataAs(ItemRetired.class));
            case ITEM_CALIBRATED -> pool.calibrated(connection, event.dataAs(ItemCalibrated.class));
            case EXPOSURE_CONTROL_UPDATED -> pool.exposureControlled(connection, event.dataAs(ExposureControlUpdated.class));
            default -> Uni.createFrom().voidItem();
        };
    }
}
