package io.qbank.delivery.service;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
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
 * replica. A serve reserves its count with one INCR. A count only grows within a day, so an item seen at its cap stays
 * capped until the UTC day ends: this replica remembers such items for the day and leaves them out of selection (without
 * it, the most informative items of a busy exam, all capped, would be chosen and refused on every selection).
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

    /**
     * Counts a serve of the item today unless that would pass the cap: true when the serve may go ahead. An item found at
     * its cap is remembered for the day. The count is taken before the serve commits, so a serve that then fails counts
     * until {@link #release}; a crash in between overcounts by one, which errs on the side of the cap.
     */
    public Uni<Boolean> reserve(PoolItem item) {
        LocalDate day = today();
        String key = key(day, item.itemId(), item.version());
        int cap = config.dailyExposureCap();
        return values.incr(key).chain(count -> {
            if (count >= cap) {
                remember(day, item);
            }
            if (count > cap) {
                return values.decr(key).replaceWith(false);
            }
            return count == 1 ? redis.key().expire(key, TTL).replaceWith(true) : Uni.createFrom().item(true);
        });
    }

    /** Gives back a reservation whose serve did not happen. */
    public Uni<Void> release(PoolItem item) {
        return values.decr(key(today(), item.itemId(), item.version())).replaceWithVoid().onFailure().recoverWithNull();
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
