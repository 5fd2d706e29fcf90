package io.qbank.authoring.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The audit trail: who moved a version from which state to which, when, with what comment. */
@Entity
@Table(name = "workflow_event")
public class WorkflowEvent {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "item_id", nullable = false)
    public UUID itemId;
    @Column(nullable = false)
    public int version;
    @Column(name = "tenant_id", nullable = false)
    public String tenantId;
    @Column(name = "from_state")
    public VersionState fromState;
    @Column(name = "to_state", nullable = false)
    public VersionState toState;
    @Column(nullable = false)
    public UUID actor;
    @Column
    public String comment;
    @Column(nullable = false)
    public Instant at;
}
