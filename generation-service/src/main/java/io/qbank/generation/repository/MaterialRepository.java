package io.qbank.generation.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.qbank.generation.domain.SourceMaterial;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class MaterialRepository implements PanacheRepositoryBase<SourceMaterial, UUID> {

    public Uni<SourceMaterial> findInTenant(String tenantId, UUID id) {
        return find("id = ?1 and tenantId = ?2", id, tenantId).firstResult();
    }

    public Uni<List<SourceMaterial>> listInTenant(String tenantId, int page, int size) {
        return find("tenantId = ?1 order by createdAt desc, id", tenantId).page(Page.of(page, size)).list();
    }
}
