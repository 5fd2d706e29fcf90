package io.qbank.authoring.domain;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A node of a tenant's topic tree (e.g. Cardiology › Valvular disease), with its blueprint code. */
@Entity
@Table(name = "topic")
public class Topic {
    @Id
    public UUID id;
    @Column(name = "tenant_id", nullable = false)
    public String tenantId;
    @Column(name = "parent_id")
    public UUID parentId;
    @Column(nullable = false)
    public String name;
    @Column(name = "blueprint_code")
    public String blueprintCode;
    /** "/root-id/child-id/": a subtree is every path with this prefix. */
    @Column(nullable = false)
    public String path;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The ids from the root down to this topic. */
    public List<UUID> pathIds() {
        return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).map(UUID::fromString).toList();
    }
}
