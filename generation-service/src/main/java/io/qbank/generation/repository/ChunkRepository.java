package io.qbank.generation.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.qbank.generation.domain.MaterialChunk;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ChunkRepository implements PanacheRepositoryBase<MaterialChunk, UUID> {

    public Uni<List<MaterialChunk>> ofMaterial(UUID materialId) {
        return list("materialId = ?1 order by ordinal", materialId);
    }
}
