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
    @Column(nullable = false)
    public String provenance;
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
