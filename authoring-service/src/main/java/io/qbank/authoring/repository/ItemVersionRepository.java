package io.qbank.authoring.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.qbank.authoring.domain.ItemVersion;
import io.qbank.authoring.domain.VersionState;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ItemVersionRepository implements PanacheRepositoryBase<ItemVersion, UUID> {

    public Uni<ItemVersion> findVersion(String tenantId, UUID itemId, int version) {
        return find("itemId = ?1 and version = ?2 and tenantId = ?3", itemId, version, tenantId).firstResult();
    }

    public Uni<List<ItemVersion>> versionsOf(String tenantId, UUID itemId) {
        return list("itemId = ?1 and tenantId = ?2 order by version", itemId, tenantId);
    }

    /** The highest version that has ever been live (published now, or retired), or 0. */
    public Uni<Integer> lastLiveVersion(UUID itemId) {
        return find("itemId = ?1 and state in (?2, ?3) order by version desc", itemId, VersionState.PUBLISHED, VersionState.RETIRED)
                .firstResult().map(v -> v == null ? 0 : v.version);
    }
}
