package io.qbank.delivery.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;

class WriteBatcherTest {

    /** A write of a quiz, named for the test's messages. */
    record Write(String name, UUID quiz) {
    }

    /** Statements that the test completes by hand, in the order they were started. */
    static final class Statements implements WriteBatcher.Statement<Write> {
        final List<List<Write>> started = new ArrayList<>();
        final List<CompletableFuture<Set<UUID>>> pending = new ArrayList<>();

        @Override
        public Uni<Set<UUID>> execute(List<Write> writes) {
            started.add(writes);
            CompletableFuture<Set<UUID>> result = new CompletableFuture<>();
            pending.add(result);
            return Uni.createFrom().completionStage(result);
        }

        List<String> names(int statement) {
            return started.get(statement).stream().map(Write::name).toList();
        }
    }

    final UUID q1 = UUID.randomUUID(), q2 = UUID.randomUUID(), q3 = UUID.randomUUID();
    final Statements statements = new Statements();
    final Map<String, Object> outcomes = new HashMap<>();
    final List<Integer> sizes = new ArrayList<>();

    void submit(WriteBatcher<Write> batcher, Write write) {
        batcher.submit(write).subscribe().with(applied -> outcomes.put(write.name(), applied), failure -> outcomes.put(write.name(), failure));
    }

    @Test
    void writesThatArriveWhileTheBatchesRunGoTogetherOnePerQuizInOrder() {
        WriteBatcher<Write> batcher = new WriteBatcher<>(Write::quiz, statements, 32, 1, sizes::add);
        submit(batcher, new Write("a", q1));
        assertEquals(List.of("a"), statements.names(0), "a write goes out at once while a batch may start");

        submit(batcher, new Write("b", q2));
        submit(batcher, new Write("c", q3));
        submit(batcher, new Write("d", q2));
        assertEquals(1, statements.started.size(), "nothing more runs while the one allowed batch runs");
        assertEquals(3, batcher.waiting());

        statements.pending.get(0).complete(Set.of(q1));
        assertEquals(true, outcomes.get("a"));
        assertEquals(List.of("b", "c"), statements.names(1), "the waiting writes form the next batch, the quiz's second write waits");

        statements.pending.get(1).complete(Set.of(q2)); // c's guard refused it
        assertEquals(true, outcomes.get("b"));
        assertEquals(false, outcomes.get("c"));
        assertEquals(List.of("d"), statements.names(2));
        statements.pending.get(2).complete(Set.of());
        assertEquals(false, outcomes.get("d"));
        assertEquals(0, batcher.waiting());
        assertEquals(List.of(1, 2, 1), sizes);
    }

    @Test
    void aBatchHoldsAtMostItsSizeAndSeveralMayRun() {
        WriteBatcher<Write> batcher = new WriteBatcher<>(Write::quiz, statements, 2, 2, sizes::add);
        submit(batcher, new Write("a", q1));
        submit(batcher, new Write("b", q2));
        submit(batcher, new Write("c", q3));
        submit(batcher, new Write("d", UUID.randomUUID()));
        submit(batcher, new Write("e", UUID.randomUUID()));
        assertEquals(List.of(List.of("a"), List.of("b")), List.of(statements.names(0), statements.names(1)));
        statements.pending.get(1).complete(Set.of(q2));
        assertEquals(List.of("c", "d"), statements.names(2), "no more than the batch size");
        assertEquals(1, batcher.waiting());
        assertNull(outcomes.get("a"), "a's batch has not answered yet");
    }

    @Test
    void aFailedBatchIsRunAgainOneWriteAtATimeSoThatOnlyTheBadWriteFails() {
        WriteBatcher<Write> batcher = new WriteBatcher<>(Write::quiz, statements, 32, 1, sizes::add);
        submit(batcher, new Write("a", q1));
        submit(batcher, new Write("b", q2));
        submit(batcher, new Write("c", q3));
        statements.pending.get(0).complete(Set.of(q1));
        assertEquals(List.of("b", "c"), statements.names(1));

        statements.pending.get(1).completeExceptionally(new IllegalStateException("deadlock detected"));
        assertEquals(List.of(List.of("b"), List.of("c")), List.of(statements.names(2), statements.names(3)));
        assertFalse(outcomes.containsKey("b"), "no answer before the write's own run");
        statements.pending.get(2).completeExceptionally(new IllegalArgumentException("b is bad"));
        statements.pending.get(3).complete(Set.of(q3));
        assertInstanceOf(IllegalArgumentException.class, outcomes.get("b"));
        assertEquals(true, outcomes.get("c"));
    }

    @Test
    void aFailedSingleWriteFailsWithItsOwnError() {
        WriteBatcher<Write> batcher = new WriteBatcher<>(Write::quiz, statements, 32, 1, sizes::add);
        submit(batcher, new Write("a", q1));
        statements.pending.get(0).completeExceptionally(new IllegalStateException("connection closed"));
        assertInstanceOf(IllegalStateException.class, outcomes.get("a"));
        assertEquals(1, statements.started.size(), "a single write is not run again");
        submit(batcher, new Write("b", q2));
        assertEquals(2, statements.started.size(), "the failure freed its place");
    }

    @Test
    void aStatementThatThrowsWhileBeingBuiltFailsItsWriteAndFreesItsPlace() {
        WriteBatcher<Write> batcher = new WriteBatcher<>(Write::quiz, writes -> {
            if (writes.get(0).name().equals("bad")) {
                throw new IllegalArgumentException("cannot bind");
            }
            return statements.execute(writes);
        }, 32, 1, sizes::add);
        submit(batcher, new Write("bad", q1));
        assertInstanceOf(IllegalArgumentException.class, outcomes.get("bad"));
        submit(batcher, new Write("good", q2));
        assertEquals(List.of("good"), statements.names(0));
    }

    @Test
    void refusesNonsensicalLimits() {
        assertThrows(IllegalArgumentException.class, () -> new WriteBatcher<>(Write::quiz, statements, 0, 1, sizes::add));
        assertThrows(IllegalArgumentException.class, () -> new WriteBatcher<>(Write::quiz, statements, 1, 0, sizes::add));
        assertTrue(statements.started.isEmpty());
    }
}
