package io.qbank.delivery.service;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.qbank.common.redis.RedisStatus;
import io.qbank.delivery.config.DeliveryConfig;
import io.qbank.delivery.domain.PoolItem;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Daily per-item exposure counters in Redis: {@code exp:{yyyyMMdd}:{itemId}:{version}}, kept two days, shared by every
 * replica. The counter holds reservations: a replica takes them in leases of a few serves at once (one INCRBY), serves from
 * its lease without asking Redis again, and takes a new lease when it has used it up. The counter never passes the cap,
 * so neither do the serves; what a replica leased and did not use before the day ended is lost to that day, at most one
 * lease per item and replica, which {@link #leaseSize} keeps to 2% of the cap. With a lease of one (caps under 100) every
 * serve is one INCR, exactly counted.
 * <p>
 * A count only grows within a day, so an item seen at its cap stays capped until the UTC day ends: this replica
 * remembers such items for the day and leaves them out of selection (without it, the most informative items of a busy
 * exam, all capped, would be chosen and refused on every selection).
 * <p>
 * While Redis is down ({@link RedisStatus}) quizzes go on: each replica counts its serves itself, up to a budget per item
 * version ({@code exposure-outage-share} of the cap), and adds them to the Redis counters when Redis answers again. The
 * cap then holds per replica during the outage and across replicas again after it.
 */
@ApplicationScoped
public class ExposureCounter {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Duration TTL = Duration.ofDays(2);

    /** Item versions seen at their cap on a day: item id → version (a new version starts its own count). */
    private record CappedToday(LocalDate day, Map<UUID, Integer> versions) {
    }

    /** This replica's unused reservations of a day: counter key → serves left in its lease. */
    private record Leases(LocalDate day, Map<String, AtomicInteger> unused) {
    }

    private final ReactiveValueCommands<String, Long> values;
    private final ReactiveRedisDataSource redis;
    private final DeliveryConfig config;
    private final RedisStatus status;
    /** Serves counted by this replica while Redis was down, by counter key: added to Redis when it is back. */
    private final Map<String, AtomicInteger> offline = new ConcurrentHashMap<>();
    private final Counter offlineServes;
    private volatile CappedToday capped = new CappedToday(LocalDate.MIN, Map.of());
    private volatile Leases leases = new Leases(LocalDate.MIN, Map.of());

    public ExposureCounter(ReactiveRedisDataSource redis, DeliveryConfig config, RedisStatus status, MeterRegistry registry) {
        this.redis = redis;
        this.values = redis.value(Long.class);
        this.config = config;
        this.status = status;
        this.offlineServes = Counter.builder("qbank.exposure.offline.serves")
                .description("Serves counted by this replica alone while Redis was down").register(registry);
        Gauge.builder("qbank.exposure.offline.pending", offline, o -> o.values().stream().mapToInt(AtomicInteger::get).sum())
                .description("Serves counted while Redis was down, not yet added to its counters").register(registry);
    }

    public static String key(LocalDate day, UUID itemId, int version) {
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
     * Counts a serve of the item today unless that would pass the cap: true when the serve may go ahead. Taken from this
     * replica's lease when it has one, else from Redis with a new lease. An item found at its cap is remembered for the
     * day. The count is taken before the serve commits, so a serve that then fails counts until {@link #release}; a crash
     * in between overcounts, which errs on the side of the cap.
     */
    public Uni<Boolean> reserve(PoolItem item) {
        LocalDate day = today();
        String key = key(day, item.itemId(), item.version());
        Map<String, AtomicInteger> unused = leases(day);
        AtomicInteger lease = unused.get(key);
        if (lease != null && takeOne(lease)) {
            return Uni.createFrom().item(true);
        }
        int cap = config.dailyExposureCap();
        if (!status.available()) {
            return Uni.createFrom().item(reserveOffline(key, cap));
        }
        int size = leaseSize(cap);
        return values.incrby(key, size).onFailure().invoke(status::failed).chain(count -> {
            int granted = (int) Math.max(0, Math.min(size, cap - (count - size)));
            if (granted > 1) {
                unused.computeIfAbsent(key, k -> new AtomicInteger()).addAndGet(granted - 1);
            }
            AtomicInteger left = unused.get(key);
            if (count >= cap && (left == null || left.get() == 0)) { // nothing left in Redis nor in a lease: capped for the day
                remember(day, item);
            }
            Uni<Void> giveBack = granted < size ? values.decrby(key, size - granted).replaceWithVoid() : Uni.createFrom().voidItem();
            Uni<Void> expire = count == size ? redis.key().expire(key, TTL).replaceWithVoid() : Uni.createFrom().voidItem();
            return giveBack.chain(() -> expire).replaceWith(granted > 0);
        }).onFailure().recoverWithItem(() -> reserveOffline(key, cap));
    }

    /** A serve counted by this replica alone (Redis is down), within its budget for the item version today. */
    private boolean reserveOffline(String key, int cap) {
        int budget = Math.max(1, (int) (cap * config.exposureOutageShare()));
        AtomicInteger used = offline.computeIfAbsent(key, k -> new AtomicInteger());
        for (int n = used.get(); n < budget; n = used.get()) {
            if (used.compareAndSet(n, n + 1)) {
                offlineServes.increment();
                return true;
            }
        }
        return false;
    }

    /** Adds the serves counted while Redis was down to its counters, once it answers again. */
    @Scheduled(every = "${qbank.redis.probe-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> reconcile() {
        if (!status.available() || offline.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        AtomicInteger added = new AtomicInteger();
        AtomicInteger keys = new AtomicInteger();
        for (Map.Entry<String, AtomicInteger> entry : offline.entrySet()) {
            chain = chain.chain(() -> {
                int serves = entry.getValue().getAndSet(0);
                if (serves == 0) {
                    offline.remove(entry.getKey(), entry.getValue());
                    return Uni.createFrom().voidItem();
                }
                return values.incrby(entry.getKey(), serves).chain(() -> redis.key().expire(entry.getKey(), TTL)).invoke(() -> {
                    offline.remove(entry.getKey(), entry.getValue());
                    added.addAndGet(serves);
                    keys.incrementAndGet();
                }).replaceWithVoid().onFailure().invoke(e -> {
                    entry.getValue().addAndGet(serves);
                    status.failed(e);
                });
            });
        }
        chain = chain.invoke(() -> Log.infof("exposure: %d serves of %d item versions, counted during the Redis outage, added to its counters",
                added.get(), keys.get()));
        return chain.onFailure().recoverWithNull();
    }

    /** Serves a lease of the cap lets a replica take at once: 2% of the cap, at most {@code exposure-lease}, at least one. */
    int leaseSize(int cap) {
        return Math.max(1, Math.min(config.exposureLease(), cap / 50));
    }

    /** Reservations this replica holds for the item version today and has not used (for tests and metrics). */
    public int unused(UUID itemId, int version) {
        AtomicInteger lease = leases(today()).get(key(today(), itemId, version));
        return lease == null ? 0 : lease.get();
    }

    private static boolean takeOne(AtomicInteger lease) {
        for (int left = lease.get(); left > 0; left = lease.get()) {
            if (lease.compareAndSet(left, left - 1)) {
                return true;
            }
        }
        return false;
    }

    private Map<String, AtomicInteger> leases(LocalDate day) {
        Leases current = leases;
        if (!current.day.equals(day)) { // a new day: yesterday's leases count for nothing today
            synchronized (this) {
                current = leases;
                if (!current.day.equals(day)) {
                    current = new Leases(day, new ConcurrentHashMap<>());
                    leases = current;
                }
            }
        }
        return current.unused;
    }

    /** Gives back a reservation whose serve did not happen (a lost race: rare), to the Redis counter. */
    public Uni<Void> release(PoolItem item) {
        String key = key(today(), item.itemId(), item.version());
        AtomicInteger counted = offline.get(key);
        if (counted != null && counted.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return Uni.createFrom().voidItem();
        }
        return values.decr(key).replaceWithVoid().onFailure().recoverWithNull();
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
