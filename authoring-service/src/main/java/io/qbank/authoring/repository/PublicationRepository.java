package io.qbank.authoring.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.qbank.authoring.domain.Publication;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PublicationRepository implements PanacheRepositoryBase<Publication, UUID> {

    public Uni<List<Publication>> forItem(String tenantId, UUID itemId) {
        return list("itemId = ?1 and tenantId = ?2 order by examCode", itemId, tenantId);
    }
}
