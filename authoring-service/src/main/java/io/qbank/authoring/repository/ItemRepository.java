package io.qbank.authoring.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.qbank.authoring.domain.Item;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ItemRepository implements PanacheRepositoryBase<Item, UUID> {

    /** Another tenant's item is not found, exactly like a missing one. */
    public Uni<Item> findInTenant(String tenantId, UUID id) {
        return find("id = ?1 and tenantId = ?2", id, tenantId).firstResult();
    }
}
