package io.qbank.authoring.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/** One immutable version of an item's content; only its workflow state changes. */
@Entity
@Table(name = "item_version")
public class ItemVersion {
    @Id
    public UUID id;
    @Column(name = "item_id", nullable = false)
    public UUID itemId;
    @Column(name = "tenant_id", nullable = false)
    public String tenantId;
    @Column(nullable = false)
    public int version;
    @Column(nullable = false)
    public VersionState state;
    @Column(nullable = false)
    public String stem;
    @Column(name = "lead_in", nullable = false)
    public String leadIn;
    @Column(nullable = false)
    public String rationale;
    @Column(name = "topic_id", nullable = false)
    public UUID topicId;
    @Column(nullable = false)
    public String difficulty;
    @Column(name = "difficulty_level", nullable = false)
    public short difficultyLevel;
    @Column(name = "educational_objective")
    public String educationalObjective;
    @Column(name = "teaching_points", nullable = false)
    public String[] teachingPoints = {};
    @Column(name = "bloom_level")
    public String bloomLevel;
    @Column(nullable = false)
    public String[] tags = {};
    @Column(name = "reference_list", nullable = false)
    public String[] references = {};
    @Column(name = "media_refs", nullable = false)
    public String[] media = {};

    /** human, or generated (then the generation_* columns say by what). */
    @Column(nullable = false)
    public String provenance;
    @Column(name = "generation_model")
    public String generationModel;
    @Column(name = "prompt_version")
    public String promptVersion;
    @Column(name = "generation_job_id")
    public UUID generationJobId;
    @Column(name = "source_chunk_ids", nullable = false)
    public UUID[] sourceChunkIds = {};
    @Column(name = "quality_score")
    public Double qualityScore;
    @Column(name = "validation_notes", nullable = false)
    public String[] validationNotes = {};
    @Column(name = "created_by", nullable = false)
    public UUID createdBy;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "item_option", joinColumns = @JoinColumn(name = "item_version_id"))
    @OrderBy("label")
    public List<OptionValue> options = new ArrayList<>();

    public String correctLabel() {
        return options.stream().filter(o -> o.correct).map(o -> o.label).findFirst().orElseThrow();
    }
}
