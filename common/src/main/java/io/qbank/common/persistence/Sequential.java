package io.qbank.common.persistence;

import java.util.List;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;

/** Runs session operations one after another: a reactive Hibernate session must never run two at once. */
public final class Sequential {

    private Sequential() {
    }

    public static Uni<Void> run(List<Supplier<Uni<?>>> operations) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Supplier<Uni<?>> operation : operations) {
            chain = chain.chain(() -> operation.get().replaceWithVoid());
        }
        return chain;
    }
}
