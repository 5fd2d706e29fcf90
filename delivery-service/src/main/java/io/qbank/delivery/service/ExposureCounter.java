package io.qbank.delivery.service;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.qbank.delivery.config.DeliveryConfig;
import io.qbank.delivery.domain.PoolItem;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;

/** Daily per-item exposure counters in Redis: {@code exp:{yyyyMMdd}:{itemId}:{version}}, kept two days. */
@ApplicationScoped
public class ExposureCounter {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Duration TTL = Duration.ofDays(2);

    private final ReactiveValueCommands<String, Long> values;
    private final ReactiveRedisDataSource redis;
    private final DeliveryConfig config;

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

    /** The item ids among the candidates that reached today's cap. */
    public Uni<Set<UUID>> capped(List<PoolItem> candidates) {
        if (candidates.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        LocalDate day = today();
        String[] keys = candidates.stream().map(c -> key(day, c.itemId(), c.version())).toArray(String[]::new);
        return values.mget(keys).map(counts -> {
            Set<UUID> capped = new HashSet<>();
            for (int i = 0; i < keys.length; i++) {
                Long count = counts.get(keys[i]);
                if (count != null && count >= config.dailyExposureCap()) {
                    capped.add(candidates.get(i).itemId());
                }
            }
            return capped;
        });
    }

    public Uni<Long> record(UUID itemId, int version) {
        String key = key(today(), itemId, version);
        return values.incr(key).call(count -> count == 1 ? redis.key().expire(key, TTL) : Uni.createFrom().voidItem());
    }
}
