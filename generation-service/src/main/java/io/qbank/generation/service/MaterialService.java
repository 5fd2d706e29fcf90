package io.qbank.generation.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.qbank.common.error.ApiException;
import io.qbank.common.error.Problem.Violation;
import io.qbank.common.security.CurrentUser;
import io.qbank.generation.config.GenerationConfig;
import io.qbank.generation.domain.MaterialChunk;
import io.qbank.generation.domain.SourceMaterial;
import io.qbank.generation.repository.ChunkRepository;
import io.qbank.generation.repository.MaterialRepository;
import io.qbank.generation.rest.MaterialRequest;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class MaterialService {

    private final MaterialRepository materials;
    private final ChunkRepository chunks;
    private final GenerationConfig config;

    public MaterialService(MaterialRepository materials, ChunkRepository chunks, GenerationConfig config) {
        this.materials = materials;
        this.chunks = chunks;
        this.config = config;
    }

    @WithTransaction
    public Uni<SourceMaterial> upload(CurrentUser user, MaterialRequest request) {
        if (request.text().length() > config.maxMaterialChars()) {
            return Uni.createFrom().failure(new ApiException(413, "Content too large",
                    "a source material holds at most " + config.maxMaterialChars() + " characters; this one has "
                            + request.text().length(),
                    List.of(new Violation("text", "too long"))));
        }
        List<Chunker.Chunk> pieces = Chunker.chunk(request.text(), config.chunkSize(), config.chunkOverlap());
        if (pieces.isEmpty()) {
            return Uni.createFrom().failure(ApiException.unprocessable("the material has no text",
                    List.of(new Violation("text", "only whitespace"))));
        }
        SourceMaterial material = new SourceMaterial();
        material.id = UUID.randomUUID();
        material.tenantId = user.tenantId();
        material.ownerId = user.userId();
        material.title = request.title().strip();
        material.contentType = request.contentType() == null ? "text/markdown" : request.contentType();
        material.sizeChars = request.text().length();
        material.chunkCount = pieces.size();
        material.createdAt = Instant.now();
        List<MaterialChunk> rows = new ArrayList<>(pieces.size());
        for (Chunker.Chunk piece : pieces) {
            MaterialChunk chunk = new MaterialChunk();
            chunk.id = UUID.randomUUID();
            chunk.materialId = material.id;
            chunk.tenantId = user.tenantId();
            chunk.ordinal = piece.ordinal();
            chunk.startOffset = piece.start();
            chunk.endOffset = piece.end();
            chunk.text = piece.text();
            rows.add(chunk);
        }
        return materials.persist(material).chain(() -> chunks.persist(rows)).replaceWith(material);
    }

    @WithSession
    public Uni<List<SourceMaterial>> list(CurrentUser user, int page, int size) {
        return materials.listInTenant(user.tenantId(), page, size);
    }

    @WithSession
    public Uni<SourceMaterial> get(CurrentUser user, UUID id) {
        return require(user, id);
    }

    @WithSession
    public Uni<List<MaterialChunk>> chunks(CurrentUser user, UUID id) {
        return require(user, id).chain(m -> chunks.ofMaterial(m.id));
    }

    @WithTransaction
    public Uni<Void> delete(CurrentUser user, UUID id) {
        return require(user, id).chain(m -> chunks.delete("materialId", m.id).chain(() -> materials.delete(m)));
    }

    private Uni<SourceMaterial> require(CurrentUser user, UUID id) {
        return materials.findInTenant(user.tenantId(), id).onItem().ifNull().failWith(() -> ApiException.notFound("Material", id));
    }
}
