package io.qbank.common.redis;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Whether Redis answers. Redis holds only what may be lost or rebuilt (exposure counters, rate-limit windows), so a
 * service keeps serving while it is down, in a degraded mode of its own, and stays ready: the readiness check ({@link RedisReadiness}) reports
 * Redis, UP either way, with {@code available} and since when. The outage shows as the gauge
 * {@code qbank.redis.available} (1 or 0), the counter {@code qbank.redis.outages}, and a warning when it starts and
 * ends ({@link RedisReadiness}). Probed every few seconds and marked down at once by any command that fails.
 */
@ApplicationScoped
public class RedisStatus {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);

    private final ReactiveRedisDataSource redis;
    private final Counter outages;
    private volatile boolean available = true;
    private volatile Instant since = Instant.now();

    public RedisStatus(ReactiveRedisDataSource redis, MeterRegistry registry) {
        this.redis = redis;
        Gauge.builder("qbank.redis.available", this, s -> s.available ? 1 : 0).description("1 while Redis answers, 0 during an outage")
                .register(registry);
        this.outages = Counter.builder("qbank.redis.outages").description("Times Redis stopped answering").register(registry);
    }

    /** False from a failed command or probe until a probe succeeds: callers then skip Redis and use their degraded mode. */
    public boolean available() {
        return available;
    }

    /** A command failed: Redis counts as down until the next successful probe. */
    public void failed(Throwable cause) {
        if (available) {
            synchronized (this) {
                if (available) {
                    available = false;
                    since = Instant.now();
                    outages.increment();
                    Log.warnf("Redis is unavailable (%s): serving in degraded mode until it answers again", cause.toString());
                }
            }
        }
    }

    private void answered() {
        if (!available) {
            synchronized (this) {
                if (!available) {
                    Log.warnf("Redis answers again after %d s", Duration.between(since, Instant.now()).toSeconds());
                    available = true;
                    since = Instant.now();
                }
            }
        }
    }

    @Scheduled(every = "${qbank.redis.probe-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> probe() {
        return ping().replaceWithVoid();
    }

    /** Asks Redis now: whether it answered. */
    Uni<Boolean> ping() {
        return redis.execute("PING").ifNoItem().after(PROBE_TIMEOUT).fail().map(r -> true).onFailure().recoverWithItem(e -> {
            failed(e);
            return false;
        }).invoke(ok -> {
            if (ok) {
                answered();
            }
        });
    }

    Instant since() {
        return since;
    }
}
