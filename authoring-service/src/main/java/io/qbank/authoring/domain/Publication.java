package io.qbank.authoring.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An item is live for one exam code of its tenant at one version, until it is retired. */
@Entity
@Table(name = "item_publication")
public class Publication {
    @Id
    public UUID id;
    @Column(name = "item_id", nullable = false)
    public UUID itemId;
    @Column(name = "tenant_id", nullable = false)
    public String tenantId;
    @Column(name = "exam_code", nullable = false)
    public String examCode;
    @Column(name = "live_version", nullable = false)
    public int liveVersion;
    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;
    @Column(name = "published_by", nullable = false)
    public UUID publishedBy;
    @Column(name = "retired_at")
    public Instant retiredAt;
}
