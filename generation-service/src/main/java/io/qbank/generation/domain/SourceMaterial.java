package io.qbank.generation.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A text uploaded for generation to draw on (lecture notes, a guideline, a chapter): the tenant's, which authors share, or
 * a learner's own ({@code personal}), which only its owner sees.
 */
@Entity
@Table(name = "source_material")
public class SourceMaterial {
    @Id
    public UUID id;
    @Column(name = "tenant_id", nullable = false)
    public String tenantId;
    @Column(name = "owner_id", nullable = false)
    public UUID ownerId;
    @Column(nullable = false)
    public String title;
    @Column(name = "content_type", nullable = false)
    public String contentType;
    @Column(name = "size_chars", nullable = false)
    public int sizeChars;
    @Column(name = "chunk_count", nullable = false)
    public int chunkCount;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    /** pending until every chunk is embedded (in the background), then ready; failed if the model refused the text */
    @Column(name = "embedding_state", nullable = false)
    public String embeddingState = "pending";
    @Column(name = "embedded_chunks", nullable = false)
    public int embeddedChunks;
    @Column(nullable = false)
    public boolean personal;
}
