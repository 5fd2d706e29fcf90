package io.qbank.authoring.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An item: the identity that its immutable numbered versions share. */
@Entity
@Table(name = "item")
public class Item {
    @Id
    public UUID id;
    @Column(name = "tenant_id", nullable = false)
    public String tenantId;
    @Column(name = "created_by", nullable = false)
    public UUID createdBy;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "latest_version", nullable = false)
    public int latestVersion;
    /** The version students are served; null until the first publication. */
    @Column(name = "live_version")
    public Integer liveVersion;
    @Version
    @Column(name = "row_version", nullable = false)
    public long rowVersion;
}
