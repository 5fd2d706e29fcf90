package io.qbank.delivery.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.qbank.common.events.CloudEvent;
import io.qbank.common.events.EventJson;
import io.qbank.common.events.EventType;
import io.qbank.common.events.ItemPublished;
import io.qbank.common.events.ItemRetired;
import io.qbank.common.inbox.IdempotentConsumer;
import io.qbank.common.persistence.Sequential;
import io.qbank.common.psychometrics.ItemParameters;
import io.qbank.delivery.domain.PoolEntry;
import io.qbank.delivery.domain.PoolItemVersion;
import io.qbank.delivery.repository.PoolRepository;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Keeps the item pool from {@code qbank.items.v1}: a published version becomes live for its exam codes (and
 * replaces an older live version); a retired item leaves them. Idempotent on ce_id, so the compacted topic
 * can be replayed from the beginning to rebuild the pool.
 */
@ApplicationScoped
public class ItemPoolProjection {

    private final IdempotentConsumer consumer;
    private final PoolRepository pool;

    public ItemPoolProjection(IdempotentConsumer consumer, PoolRepository pool) {
        this.consumer = consumer;
        this.pool = pool;
    }

    @Incoming("items")
    public Uni<Void> onItemEvent(ConsumerRecord<String, String> record) {
        return consumer.apply("item-pool", record, this::project).replaceWithVoid();
    }

    private Uni<?> project(CloudEvent event) {
        EventType type = EventType.ofCeType(event.type()).orElse(null);
        if (type == EventType.ITEM_PUBLISHED) {
            return published(event.dataAs(ItemPublished.class));
        }
        if (type == EventType.ITEM_RETIRED) {
            return retired(event.dataAs(ItemRetired.class));
        }
        Log.debugf("ignoring %s on the items topic", event.type());
        return Uni.createFrom().voidItem();
    }

    private Uni<?> published(ItemPublished e) {
        return pool.version(e.itemId(), e.version())
                .chain(existing -> existing != null ? Uni.createFrom().item(existing) : pool.persistVersion(toVersion(e)))
                .chain(() -> pool.entriesOf(e.itemId()))
                .chain(entries -> {
                    ItemParameters defaults = ItemParameters.defaults(e.difficultyLevel(), e.options().size());
                    List<Supplier<Uni<?>>> writes = new ArrayList<>();
                    for (PoolEntry entry : entries) {
                        if (!e.examCodes().contains(entry.examCode)) {
                            writes.add(() -> pool.delete(entry)); // no longer live for that exam code
                        } else if (entry.liveVersion < e.version()) {
                            entry.liveVersion = e.version(); // a new version: uncalibrated until analytics says otherwise
                            entry.a = defaults.a();
                            entry.b = defaults.b();
                            entry.c = defaults.c();
                            entry.shP = 1.0;
                        }
                    }
                    for (String code : e.examCodes()) {
                        if (entries.stream().noneMatch(x -> x.examCode.equals(code))) {
                            PoolEntry entry = new PoolEntry();
                            entry.itemId = e.itemId();
                            entry.examCode = code;
                            entry.tenantId = e.tenantId();
                            entry.liveVersion = e.version();
                            entry.a = defaults.a();
                            entry.b = defaults.b();
                            entry.c = defaults.c();
                            writes.add(() -> pool.persist(entry));
                        }
                    }
                    return Sequential.run(writes);
                });
    }

    private Uni<?> retired(ItemRetired e) {
        return pool.delete("itemId = ?1 and examCode in ?2", e.itemId(), e.examCodes());
    }

    private static PoolItemVersion toVersion(ItemPublished e) {
        PoolItemVersion v = new PoolItemVersion();
        v.itemId = e.itemId();
        v.version = e.version();
        v.tenantId = e.tenantId();
        v.topicId = e.topicId();
        v.topicName = e.topicName();
        v.blueprintCode = e.blueprintCode();
        v.stem = e.stem();
        v.leadIn = e.leadIn();
        v.optionsJson = EventJson.write(e.options());
        v.correctLabel = e.correctLabel();
        v.rationale = e.rationale();
        v.difficulty = e.difficulty();
        v.difficultyLevel = e.difficultyLevel() == null ? null : e.difficultyLevel().shortValue();
        v.optionCount = (short) e.options().size();
        v.publishedAt = e.publishedAt();
        return v;
    }
}
