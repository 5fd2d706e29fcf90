package io.qbank.authoring.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The listing columns of {@code item} (what list and search read), kept by the database function of migration V2; then
 * the words' packed lists (V11), once for all the items a statement refreshed.
 */
@ApplicationScoped
public class ItemListingRepository {

    /** Brings an item's listing up to date; runs in the caller's transaction, after its pending writes. */
    public Uni<Void> refresh(UUID itemId) {
        return Panache.getSession().chain(session -> session.flush()
                .chain(() -> session.createNativeQuery(
                        "SELECT apply_term_block_changes() FROM (SELECT refresh_item_listing(?1) OFFSET 0) refreshed", Integer.class)
                        .setParameter(1, itemId).getSingleResult()))
                .replaceWithVoid();
    }

    /** The same for many items at once (a bulk import): one flush, one statement. */
    public Uni<Void> refreshAll(List<UUID> itemIds) {
        return Panache.getSession().chain(session -> session.flush()
                .chain(() -> session.createNativeQuery("SELECT apply_term_block_changes()"
                        + " FROM (SELECT count(refresh_item_listing(id)) FROM item WHERE id IN (?1)) refreshed", Integer.class)
                        .setParameter(1, itemIds).getSingleResult()))
                .replaceWithVoid();
    }
}
