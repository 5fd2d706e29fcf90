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
import io.qbank.generation.domain.Scope;
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

    /** A material of the tenant's, shared by its authors. */
    public Uni<SourceMaterial> upload(CurrentUser user, MaterialRequest request) {
        return upload(user, Scope.shared(user), request.title(), request.contentType() == null ? "text/markdown" : request.contentType(),
                request.text(), config.maxMaterialChars());
    }

    /** Stores the text and its chunks in the scope; 413 over {@code maxChars}, 422 without text. */
    @WithTransaction
    public Uni<SourceMaterial> upload(CurrentUser user, Scope scope, String title, String contentType, String text, int maxChars) {
        if (text.length() > maxChars) {
            return Uni.createFrom().failure(new ApiException(413, "Content too large",
                    "a source material holds at most " + maxChars + " characters; this one has " + text.length(),
                    List.of(new Violation("text", "too long"))));
        }
        List<Chunker.Chunk> pieces = Chunker.chunk(text, config.chunkSize(), config.chunkOverlap());
        if (pieces.isEmpty()) {
            return Uni.createFrom().failure(ApiException.unprocessable("the material has no text",
                    List.of(new Violation("text", "only whitespace"))));
        }
        SourceMaterial material = new SourceMaterial();
        material.id = UUID.randomUUID();
        material.tenantId = user.tenantId();
        material.ownerId = user.userId();
        material.title = title.strip();
        material.contentType = contentType;
        material.personal = scope.personal();
        material.sizeChars = text.length();
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
            chunk.personalOwner = scope.owner();
            rows.add(chunk);
        }
        return materials.persist(material).chain(() -> chunks.persist(rows)).replaceWith(material);
    }

    @WithSession
    public Uni<List<SourceMaterial>> list(Scope scope, int page, int size) {
        return materials.listIn(scope, page, size);
    }

    @WithSession
    public Uni<SourceMaterial> get(Scope scope, UUID id) {
        return require(scope, id);
    }

    @WithSession
    public Uni<List<MaterialChunk>> chunks(Scope scope, UUID id) {
        return require(scope, id).chain(m -> chunks.ofMaterial(m.id));
    }

    /** A shared material and its chunks (a personal one goes with all that was made from it: {@link PersonalItems#deleteMaterial}). */
    @WithTransaction
    public Uni<Void> delete(Scope scope, UUID id) {
        return require(scope, id).chain(m -> chunks.delete("materialId", m.id).chain(() -> materials.delete(m)));
    }

    private Uni<SourceMaterial> require(Scope scope, UUID id) {
        return materials.findIn(scope, id).onItem().ifNull().failWith(() -> ApiException.notFound("Material", id));
    }
}
