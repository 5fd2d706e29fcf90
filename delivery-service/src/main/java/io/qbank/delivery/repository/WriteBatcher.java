package io.qbank.delivery.repository;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntConsumer;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Group commit for the guarded writes of quizzes: concurrent writes of one kind go to the database as one multi-row
 * statement, one transaction and one WAL flush, instead of one each. PostgreSQL's cost per statement (binding, executor
 * start-up, constraint set-up, commit) is paid once per batch, which more than halves its CPU per write at a few hundred
 * quizzes at once.
 * <p>
 * A write goes out at once while fewer than {@code maxInFlight} batches run; otherwise it waits for the next batch, so a
 * batch is whatever arrived while the previous ones ran and the wait never exceeds one batch's round trip. Two writes of one
 * quiz never share a batch (the later one waits for the next, in order): each row of a batch is guarded on its quiz's row
 * version and stands or falls alone. A batch that fails as a whole is run again one write at a time, so a single bad write
 * fails only its own request.
 * <p>
 * Each caller gets its answer on its own Vert.x context, as if it had run the statement itself.
 *
 * @param <W> a write of one quiz
 */
public final class WriteBatcher<W> {

    /** Runs writes as one statement and answers the keys of those that applied. */
    @FunctionalInterface
    public interface Statement<W> {
        Uni<Set<UUID>> execute(List<W> writes);
    }

    private record Pending<W>(W write, UUID key, Context context, UniEmitter<? super Boolean> emitter) {
    }

    private final Function<W, UUID> key;
    private final Statement<W> statement;
    private final int maxSize;
    private final int maxInFlight;
    private final IntConsumer batchSizes;
    private final ArrayDeque<Pending<W>> queue = new ArrayDeque<>(); // guarded by this
    private int inFlight; // guarded by this

    /** @param batchSizes told the size of every batch that starts (a metric) */
    public WriteBatcher(Function<W, UUID> key, Statement<W> statement, int maxSize, int maxInFlight, IntConsumer batchSizes) {
        if (maxSize < 1 || maxInFlight < 1) {
            throw new IllegalArgumentException("a batch holds at least one write and at least one batch may run");
        }
        this.key = key;
        this.statement = statement;
        this.maxSize = maxSize;
        this.maxInFlight = maxInFlight;
        this.batchSizes = batchSizes;
    }

    /** True when the write applied, false when its guard refused it (its quiz had moved on). */
    public Uni<Boolean> submit(W write) {
        return Uni.createFrom().emitter(emitter -> {
            synchronized (this) {
                queue.add(new Pending<>(write, key.apply(write), Vertx.currentContext(), emitter));
            }
            dispatch();
        });
    }

    /** Writes waiting for a batch (for tests and metrics). */
    public synchronized int waiting() {
        return queue.size();
    }

    private void dispatch() {
        while (true) {
            List<Pending<W>> batch;
            synchronized (this) {
                if (inFlight >= maxInFlight || queue.isEmpty()) {
                    return;
                }
                batch = take();
                inFlight++;
            }
            batchSizes.accept(batch.size());
            run(batch, true);
        }
    }

    /** Up to maxSize writes in arrival order, one per quiz; the others keep their place in the queue. */
    private List<Pending<W>> take() {
        List<Pending<W>> batch = new ArrayList<>(Math.min(maxSize, queue.size()));
        Set<UUID> quizzes = new HashSet<>();
        for (Iterator<Pending<W>> it = queue.iterator(); it.hasNext() && batch.size() < maxSize;) {
            Pending<W> pending = it.next();
            if (quizzes.add(pending.key())) {
                batch.add(pending);
                it.remove();
            }
        }
        return batch;
    }

    private void run(List<Pending<W>> batch, boolean counted) {
        // deferred: a statement that throws while it is being built fails its batch like any other failure, and frees its place
        Uni.createFrom().deferred(() -> statement.execute(batch.stream().map(Pending::write).toList())).subscribe().with(applied -> {
            done(counted);
            for (Pending<W> pending : batch) {
                answer(pending, applied.contains(pending.key()), null);
            }
        }, failure -> {
            done(counted);
            if (batch.size() == 1) {
                answer(batch.get(0), null, failure);
            } else {
                for (Pending<W> pending : batch) {
                    run(List.of(pending), false);
                }
            }
        });
    }

    private void done(boolean counted) {
        if (counted) {
            synchronized (this) {
                inFlight--;
            }
            dispatch();
        }
    }

    private static <W> void answer(Pending<W> pending, Boolean applied, Throwable failure) {
        Runnable complete = () -> {
            if (failure != null) {
                pending.emitter().fail(failure);
            } else {
                pending.emitter().complete(applied);
            }
        };
        if (pending.context() == null) {
            complete.run();
        } else {
            pending.context().runOnContext(v -> complete.run());
        }
    }
}
