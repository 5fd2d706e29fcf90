package io.qbank.delivery.service;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import io.qbank.delivery.config.DeliveryConfig;
import io.qbank.delivery.domain.PoolItem;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;

/**
 * Daily per-item exposure counters in Redis: {@code exp:{yyyyMMdd}:{itemId}:{version}}, kept two days, shared by every
 * replica. A count only grows within a day, so an item seen at its cap stays capped until the UTC day ends: this replica
 * remembers such items for the day and leaves them out before asking Redis again (without it, the most informative items
 * of a busy exam, all capped, would be fetched and refused on every selection).
 */
@ApplicationScoped
public class ExposureCounter {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Duration TTL = Duration.ofDays(2);

    /** Item versions seen at their cap on a day: item id → version (a new version starts its own count). */
    private record CappedToday(LocalDate day, Map<UUID, Integer> versions) {
    }

    private final ReactiveValueCommands<String, Long> values;
    private final ReactiveRedisDataSource redis;
    private final DeliveryConfig config;
    private volatile CappedToday capped = new CappedToday(LocalDate.MIN, Map.of());

    public ExposureCounter(ReactiveRedisDataSource redis, DeliveryConfig config) {
        this.redis = redis;
        this.values = redis.value(Long.class);
        this.config = config;
    }

    static String key(LocalDate day, UUID itemId, int version) {
        return "exp:" + DAY.format(day) + ":" + itemId + ":" + version;
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** Whether this replica already saw the item version at today's cap: a test cheap enough for every item of a pool. */
    public Predicate<PoolItem> knownCapped() {
        CappedToday current = capped;
        if (!current.day.equals(today()) || current.versions.isEmpty()) {
            return item -> false;
        }
        return item -> {
            Integer version = current.versions.get(item.itemId());
            return version != null && version == item.version();
        };
    }

    /** The item ids among the candidates that reached today's cap. */
    public Uni<Set<UUID>> capped(List<PoolItem> candidates) {
        if (candidates.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        LocalDate day = today();
        String[] keys = candidates.stream().map(c -> key(day, c.itemId(), c.version())).toArray(String[]::new);
        return values.mget(keys).map(counts -> {
            Set<UUID> ids = new HashSet<>();
            for (int i = 0; i < keys.length; i++) {
                Long count = counts.get(keys[i]);
                if (count != null && count >= config.dailyExposureCap()) {
                    ids.add(candidates.get(i).itemId());
                    remember(day, candidates.get(i));
                }
            }
            return ids;
        });
    }

    public Uni<Long> record(PoolItem item) {
        LocalDate day = today();
        String key = key(day, item.itemId(), item.version());
        return values.incr(key).call(count -> {
            if (count >= config.dailyExposureCap()) {
                remember(day, item);
            }
            return count == 1 ? redis.key().expire(key, TTL) : Uni.createFrom().voidItem();
        });
    }

    private void remember(LocalDate day, PoolItem item) {
        CappedToday current = capped;
        if (!current.day.equals(day)) {
            current = new CappedToday(day, new ConcurrentHashMap<>());
            capped = current;
        }
        current.versions.put(item.itemId(), item.version());
    }
}
