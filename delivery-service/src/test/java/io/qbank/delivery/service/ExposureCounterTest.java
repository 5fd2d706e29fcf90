package io.qbank.delivery.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.qbank.common.psychometrics.ItemParameters;
import io.qbank.delivery.domain.PoolItem;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;

/** The daily exposure cap on the real Redis: leases of reservations, never past the cap, whatever runs at once. */
@QuarkusTest
class ExposureCounterTest {

    private static final int CAP = 500; // the default cap, whose lease is 8

    @Inject
    ExposureCounter exposure;

    @Inject
    RedisDataSource redis;

    private static PoolItem item() {
        UUID topic = UUID.randomUUID();
        return new PoolItem(UUID.randomUUID(), 1, topic, List.of(topic), "medium", new ItemParameters(1, 0, 0.2), false, 1);
    }

    private long counter(PoolItem item) {
        return redis.value(Long.class).get(ExposureCounter.key(LocalDate.now(ZoneOffset.UTC), item.itemId(), item.version()));
    }

    private boolean reserve(PoolItem item) {
        return exposure.reserve(item).await().indefinitely();
    }

    @Test
    void aLeaseIsTwoPercentOfTheCapAtMostTheConfiguredSizeAndAtLeastOne() {
        assertThat(exposure.leaseSize(500)).isEqualTo(8);
        assertThat(exposure.leaseSize(150)).isEqualTo(3);
        assertThat(exposure.leaseSize(99)).isEqualTo(1);
        assertThat(exposure.leaseSize(1)).isEqualTo(1);
    }

    @Test
    void servesFromALeaseAskRedisOncePerLease() {
        PoolItem item = item();
        assertThat(reserve(item)).isTrue();
        assertThat(counter(item)).isEqualTo(8);
        assertThat(exposure.unused(item.itemId(), 1)).isEqualTo(7);
        assertThat(redis.key().ttl(ExposureCounter.key(LocalDate.now(ZoneOffset.UTC), item.itemId(), 1))).isPositive();
        for (int i = 0; i < 7; i++) {
            assertThat(reserve(item)).isTrue();
        }
        assertThat(counter(item)).isEqualTo(8);
        assertThat(exposure.unused(item.itemId(), 1)).isZero();
        assertThat(reserve(item)).isTrue(); // the ninth serve takes a second lease
        assertThat(counter(item)).isEqualTo(16);
        assertThat(exposure.knownCapped().test(item)).isFalse();
    }

    @Test
    void concurrentServesNearTheCapShareExactlyWhatIsLeftAndTheCounterStopsAtTheCap() {
        PoolItem item = item();
        redis.value(Long.class).setex(ExposureCounter.key(LocalDate.now(ZoneOffset.UTC), item.itemId(), 1), 600, CAP - 10L);
        List<Uni<Boolean>> serves = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            serves.add(exposure.reserve(item)); // 30 serves at once, none with a lease yet: each asks Redis
        }
        long granted = Uni.join().all(serves).andFailFast().await().indefinitely().stream().filter(g -> g).count();
        assertThat(counter(item)).isEqualTo(CAP);
        assertThat(granted + exposure.unused(item.itemId(), 1)).isEqualTo(10);
        // what this replica leased it may still serve, and not one more
        while (exposure.unused(item.itemId(), 1) > 0) {
            assertThat(reserve(item)).isTrue();
            granted++;
        }
        assertThat(granted).isEqualTo(10);
        assertThat(reserve(item)).isFalse();
        assertThat(counter(item)).isEqualTo(CAP);
        // remembered as capped for the day: selection leaves it out without asking Redis
        assertThat(exposure.knownCapped().test(item)).isTrue();
    }

    @Test
    void aReleasedReservationGoesBackToTheCounter() {
        PoolItem item = item();
        assertThat(reserve(item)).isTrue();
        exposure.release(item).await().indefinitely();
        assertThat(counter(item)).isEqualTo(7);
        assertThat(exposure.unused(item.itemId(), 1)).isEqualTo(7);
    }
}
