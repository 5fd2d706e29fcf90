package io.qbank.generation.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.qbank.common.events.ItemPublished;
import io.qbank.generation.messaging.PublishedItemProjection;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The embeddings of a tenant's published items: stored by the projection, and held in memory per tenant for
 * de-duplication (10,000 items are 15 MB of floats), refreshed incrementally by sequence before each use so that
 * every replica sees what any replica stored.
 */
@ApplicationScoped
public class PublishedItems {

    /** A published item version and its embedding. */
    public record Embedded(UUID itemId, int version, float[] embedding) {
    }

    private static final class TenantIndex {
        final List<Embedded> items = new ArrayList<>();
        long lastSeq;
        long loadedAt = System.currentTimeMillis();
    }

    /**
     * Sequence numbers are taken before commit: with several replicas consuming, a row may commit behind one already read.
     * A full reload this often bounds how long such a row can be missed.
     */
    private static final long FULL_RELOAD_MILLIS = 10 * 60_000;

    private final Pool pool;
    private final Embedder embedder;
    private final Map<String, TenantIndex> tenants = new ConcurrentHashMap<>();

    public PublishedItems(Pool pool, Embedder embedder) {
        this.pool = pool;
        this.embedder = embedder;
    }

    /** Embeds the versions not stored yet and stores them, in the consumer's transaction. */
    public Uni<Void> store(SqlConnection connection, List<ItemPublished> items) {
        return connection.preparedQuery("SELECT item_id, version FROM published_item WHERE item_id = ANY ($1::uuid[])")
                .execute(Tuple.of(items.stream().map(ItemPublished::itemId).toArray(UUID[]::new)))
                .chain(rows -> {
                    java.util.Set<String> known = new java.util.HashSet<>();
                    rows.forEach(r -> known.add(r.getUUID(0) + "/" + r.getInteger(1)));
                    List<ItemPublished> fresh = items.stream().filter(i -> known.add(i.itemId() + "/" + i.version())).toList();
                    if (fresh.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    return Uni.createFrom().item(() -> embedder.embed(fresh.stream().map(PublishedItemProjection::fingerprint).toList()))
                            .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                            .chain(vectors -> {
                                List<Tuple> rowsToInsert = new ArrayList<>();
                                for (int i = 0; i < fresh.size(); i++) {
                                    rowsToInsert.add(Tuple.of(fresh.get(i).itemId(), fresh.get(i).version(), fresh.get(i).tenantId(),
                                            Embedder.boxed(vectors[i])));
                                }
                                return connection.preparedQuery("INSERT INTO published_item (item_id, version, tenant_id, embedding) "
                                        + "VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING").executeBatch(rowsToInsert).replaceWithVoid();
                            });
                });
    }

    /** The tenant's published items, brought up to date with what was stored since the last call. */
    public Uni<List<Embedded>> of(String tenantId) {
        TenantIndex index = tenants.computeIfAbsent(tenantId, t -> new TenantIndex());
        long after;
        synchronized (index) {
            if (System.currentTimeMillis() - index.loadedAt > FULL_RELOAD_MILLIS) {
                index.items.clear();
                index.lastSeq = 0;
                index.loadedAt = System.currentTimeMillis();
            }
            after = index.lastSeq;
        }
        return pool.preparedQuery("SELECT item_id, version, embedding, seq FROM published_item WHERE tenant_id = $1 AND seq > $2 ORDER BY seq")
                .execute(Tuple.of(tenantId, after))
                .map(rows -> {
                    synchronized (index) {
                        for (Row row : rows) {
                            long seq = row.getLong(3);
                            if (seq > index.lastSeq) {
                                index.items.add(new Embedded(row.getUUID(0), row.getInteger(1), Embedder.unboxed(row.getArrayOfFloats(2))));
                                index.lastSeq = seq;
                            }
                        }
                        return List.copyOf(index.items);
                    }
                });
    }
}
