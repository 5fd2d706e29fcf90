package io.qbank.authoring.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A student's report that something is wrong with an item version; open until a publisher resolves it. */
@Entity
@Table(name = "item_flag")
public class ItemFlag {
    @Id
    public UUID id;
    @Column(name = "item_id", nullable = false)
    public UUID itemId;
    @Column(name = "tenant_id", nullable = false)
    public String tenantId;
    @Column(nullable = false)
    public int version;
    @Column(name = "flagged_by", nullable = false)
    public UUID flaggedBy;
    @Column(nullable = false)
    public String reason;
    @Column
    public String comment;
    /** where the student flagged it: delivery or review */
    @Column(nullable = false)
    public String source;
    @Column(name = "flagged_at", nullable = false)
    public Instant flaggedAt;
    @Column(name = "resolved_at")
    public Instant resolvedAt;
    @Column(name = "resolved_by")
    public UUID resolvedBy;
    @Column
    public String resolution;
}
