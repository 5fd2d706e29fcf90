package io.qbank.generation.domain;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A retrieval unit of a source material; generated drafts cite chunks by id. */
@Entity
@Table(name = "material_chunk")
public class MaterialChunk {
    @Id
    public UUID id;
    @Column(name = "material_id", nullable = false)
    public UUID materialId;
    @Column(name = "tenant_id", nullable = false)
    public String tenantId;
    public int ordinal;
    @Column(name = "start_offset")
    public int startOffset;
    @Column(name = "end_offset")
    public int endOffset;
    @Column(nullable = false)
    public String text;
    /** the learner whose personal material it is, or null for a shared one */
    @Column(name = "personal_owner")
    public UUID personalOwner;
}
