package io.qbank.common.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;

class SequentialTest {

    @Test
    void runsTensOfThousandsOfOperationsInOrderEachAfterTheLastHasEnded() {
        AtomicInteger running = new AtomicInteger();
        List<Integer> order = new ArrayList<>();
        List<Supplier<Uni<?>>> operations = new ArrayList<>();
        Executor later = CompletableFuture.delayedExecutor(0, TimeUnit.MILLISECONDS);
        for (int i = 0; i < 30_000; i++) {
            int n = i;
            // most end at once (as a persist does), some later on another thread (as a statement does)
            operations.add(() -> {
                assertEquals(1, running.incrementAndGet(), "operation " + n + " started before the one before it ended");
                Uni<Integer> done = n % 1_000 == 0 ? Uni.createFrom().completionStage(CompletableFuture.supplyAsync(() -> n, later))
                        : Uni.createFrom().item(n);
                return done.invoke(() -> {
                    order.add(n);
                    running.decrementAndGet();
                });
            });
        }

        Sequential.run(operations).await().atMost(Duration.ofSeconds(30));

        assertEquals(30_000, order.size());
        for (int i = 0; i < order.size(); i++) {
            assertEquals(i, order.get(i));
        }
    }

    @Test
    void aFailureEndsTheRunAndNoLaterOperationStarts() {
        AtomicInteger started = new AtomicInteger();
        List<Supplier<Uni<?>>> operations = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int n = i;
            operations.add(() -> {
                started.incrementAndGet();
                return n == 3 ? Uni.createFrom().failure(new IllegalStateException("write " + n)) : Uni.createFrom().item(n);
            });
        }

        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> Sequential.run(operations).await().indefinitely());

        assertEquals("write 3", failure.getMessage());
        assertEquals(4, started.get());
        assertNull(Sequential.run(List.of()).await().indefinitely());
    }
}
