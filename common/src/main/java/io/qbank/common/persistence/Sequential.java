package io.qbank.common.persistence;

import java.util.List;
import java.util.function.Supplier;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** Runs session operations one after another: a reactive Hibernate session must never run two at once. */
public final class Sequential {

    private Sequential() {
    }

    /**
     * Each operation starts when the one before it has ended; the first failure ends the run. Concatenated, not nested:
     * a chain of as many nested {@code Uni}s overflowed the stack at about a thousand operations (a bulk import of 400
     * items is 1,200), and on the event loop the error was lost and the request never answered.
     */
    public static Uni<Void> run(List<Supplier<Uni<?>>> operations) {
        return Multi.createFrom().iterable(operations).onItem().transformToUniAndConcatenate(Supplier::get)
                .collect().last().replaceWithVoid();
    }
}
