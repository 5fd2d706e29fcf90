package io.qbank.generation.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.qbank.generation.domain.Scope;
import io.qbank.generation.domain.SourceMaterial;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class MaterialRepository implements PanacheRepositoryBase<SourceMaterial, UUID> {

    /** The material in the scope: a learner's own, or one of the tenant's shared ones; else null. */
    public Uni<SourceMaterial> findIn(Scope scope, UUID id) {
        return scope.personal() ? find("id = ?1 and tenantId = ?2 and personal = true and ownerId = ?3", id, scope.tenantId(), scope.owner()).firstResult()
                : find("id = ?1 and tenantId = ?2 and personal = false", id, scope.tenantId()).firstResult();
    }

    public Uni<List<SourceMaterial>> listIn(Scope scope, int page, int size) {
        return (scope.personal() ? find("tenantId = ?1 and personal = true and ownerId = ?2 order by createdAt desc, id", scope.tenantId(), scope.owner())
                : find("tenantId = ?1 and personal = false order by createdAt desc, id", scope.tenantId())).page(Page.of(page, size)).list();
    }
}
