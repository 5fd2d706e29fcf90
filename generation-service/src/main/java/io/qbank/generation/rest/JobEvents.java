package io.qbank.generation.rest;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.qbank.generation.domain.GenerationJob;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** A job as a stream of its states: the current one at once, then each change (polled), until it has finished. */
final class JobEvents {

    private JobEvents() {
    }

    /** @param find the job, or a 404 failure (which comes before the stream starts) */
    static Multi<GenerationJob> follow(Supplier<Uni<GenerationJob>> find) {
        return find.get().toMulti()
                .onItem().transformToMultiAndConcatenate(first -> Multi.createBy().concatenating().streams(Multi.createFrom().item(first),
                        first.finished() ? Multi.createFrom().empty()
                                : Multi.createFrom().ticks().every(Duration.ofMillis(250))
                                        .onOverflow().drop() // a poll slower than the tick skips ticks instead of failing the stream
                                        .onItem().transformToUniAndConcatenate(tick -> find.get())
                                        .select().first(new UpToFinished())
                                        .select().where(new Changed(first))));
    }

    /** Lets every state through up to and including the first finished one; the stream ends at the next poll. */
    private static final class UpToFinished implements Predicate<GenerationJob> {
        private boolean finished;

        @Override
        public boolean test(GenerationJob job) {
            boolean before = !finished;
            finished |= job.finished();
            return before;
        }
    }

    /** Only a state that differs from the last one sent. */
    private static final class Changed implements Predicate<GenerationJob> {
        private GenerationJob last;

        Changed(GenerationJob first) {
            this.last = first;
        }

        @Override
        public boolean test(GenerationJob job) {
            boolean changed = !job.equals(last);
            last = job;
            return changed;
        }
    }
}
