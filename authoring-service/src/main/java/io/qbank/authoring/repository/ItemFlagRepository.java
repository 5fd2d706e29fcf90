package io.qbank.authoring.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.qbank.authoring.domain.ItemFlag;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ItemFlagRepository implements PanacheRepositoryBase<ItemFlag, UUID> {

    public Uni<List<ItemFlag>> forItem(String tenantId, UUID itemId, boolean openOnly) {
        return list("itemId = ?1 and tenantId = ?2" + (openOnly ? " and resolvedAt is null" : "") + " order by flaggedAt, id",
                itemId, tenantId);
    }

    public Uni<ItemFlag> findInTenant(String tenantId, UUID itemId, UUID flagId) {
        return find("id = ?1 and itemId = ?2 and tenantId = ?3", flagId, itemId, tenantId).firstResult();
    }
}
