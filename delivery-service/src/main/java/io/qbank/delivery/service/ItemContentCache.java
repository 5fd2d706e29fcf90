package io.qbank.delivery.service;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.qbank.delivery.domain.ItemContent;
import io.qbank.delivery.repository.PoolRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Published item versions in memory: a version's stem, options and key never change, and every serve and answer needs
 * them. Only its topic name may change (a topic renamed re-sends the version), so entries are kept a minute at most; the
 * cache is bounded and simply emptied when full.
 */
@ApplicationScoped
public class ItemContentCache {

    private static final long TTL_NANOS = 60_000_000_000L;
    private static final int MAX_ENTRIES = 50_000;

    private record Entry(ItemContent content, long loadedAt) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Pool db;
    private final PoolRepository pool;

    public ItemContentCache(Pool db, PoolRepository pool) {
        this.db = db;
        this.pool = pool;
    }

    public Uni<ItemContent> get(UUID itemId, int version) {
        String key = PoolRepository.key(itemId, version);
        Entry entry = entries.get(key);
        long now = System.nanoTime();
        if (entry != null && now - entry.loadedAt < TTL_NANOS) {
            return Uni.createFrom().item(entry.content);
        }
        return pool.content(db, itemId, version).invoke(content -> {
            if (content != null) {
                if (entries.size() >= MAX_ENTRIES) {
                    entries.clear();
                }
                entries.put(key, new Entry(content, now));
            }
        });
    }
}
