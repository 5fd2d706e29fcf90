package io.qbank.delivery.service;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.qbank.delivery.config.DeliveryConfig;
import io.qbank.delivery.domain.ExamPool;
import io.qbank.delivery.repository.PoolRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Snapshots of exam pools in memory, so that choosing an item costs no pool query: selection reads ten thousand items'
 * parameters on every request. A snapshot is checked against the exam's pool revision at most once per
 * {@code qbank.delivery.pool-refresh} and reloaded when the revision moved; until the reload completes, requests use
 * the previous snapshot (a publication or calibration reaches quizzes within about that interval). Snapshots unused for
 * {@code pool-idle-eviction} are dropped.
 */
@ApplicationScoped
public class PoolCache {

    private record Key(String tenantId, String examCode) {
    }

    /** An exam's pool at a revision; {@code refreshing} is shared by the requests that find the snapshot due for a check. */
    private static final class Snapshot {
        final ExamPool items;
        final long revision;
        final long checkedAt;
        volatile long usedAt;

        Snapshot(ExamPool items, long revision, long checkedAt) {
            this.items = items;
            this.revision = revision;
            this.checkedAt = checkedAt;
            this.usedAt = checkedAt;
        }
    }

    private final Map<Key, Snapshot> snapshots = new ConcurrentHashMap<>();
    private final Map<Key, Uni<Snapshot>> loading = new ConcurrentHashMap<>();
    private final Pool db;
    private final PoolRepository pool;
    private final long refreshNanos;
    private final long evictNanos;

    public PoolCache(Pool db, PoolRepository pool, DeliveryConfig config) {
        this.db = db;
        this.pool = pool;
        this.refreshNanos = config.poolRefresh().toNanos();
        this.evictNanos = config.poolIdleEviction().toNanos();
    }

    /** The live items of the exam, no older than the refresh interval (or the previous snapshot while a reload runs). */
    public Uni<ExamPool> live(String tenantId, String examCode) {
        Key key = new Key(tenantId, examCode);
        long now = System.nanoTime();
        Snapshot current = snapshots.get(key);
        if (current != null && now - current.checkedAt < refreshNanos) {
            current.usedAt = now;
            return Uni.createFrom().item(current.items);
        }
        Uni<Snapshot> refresh = loading.computeIfAbsent(key, k -> refresh(k, current).memoize().indefinitely());
        if (current != null && refreshNanos > 0) {
            refresh.subscribe().with(s -> { }, f -> { }); // checked in the background; this request uses what is there
            current.usedAt = now;
            return Uni.createFrom().item(current.items);
        }
        return refresh.map(s -> s.items);
    }

    private Uni<Snapshot> refresh(Key key, Snapshot current) {
        return pool.revision(db, key.tenantId(), key.examCode())
                .chain(revision -> current != null && current.revision == revision
                        ? Uni.createFrom().item(new Snapshot(current.items, revision, System.nanoTime()))
                        : pool.live(db, key.tenantId(), key.examCode()).map(items -> new Snapshot(ExamPool.of(items), revision, System.nanoTime())))
                .invoke(s -> {
                    if (current != null) {
                        s.usedAt = current.usedAt;
                    }
                    snapshots.put(key, s);
                    evictIdle(s.checkedAt);
                })
                .eventually(() -> {
                    loading.remove(key); // a block: the expression form would pick the Supplier<Uni> overload and await itself
                });
    }

    private void evictIdle(long now) {
        snapshots.entrySet().removeIf(e -> now - e.getValue().usedAt > evictNanos);
    }
}
