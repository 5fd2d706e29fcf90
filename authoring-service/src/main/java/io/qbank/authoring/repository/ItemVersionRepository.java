package io.qbank.authoring.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.qbank.authoring.domain.ItemVersion;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ItemVersionRepository implements PanacheRepositoryBase<ItemVersion, UUID> {

    public Uni<ItemVersion> findVersion(String tenantId, UUID itemId, int version) {
        return find("itemId = ?1 and version = ?2 and tenantId = ?3", itemId, version, tenantId).firstResult();
    }
}
