package io.qbank.authoring.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.qbank.authoring.domain.VersionState;
import io.qbank.authoring.domain.WorkflowEvent;

public record WorkflowEventResponse(
        @Schema(example = "2") int version,
        @Schema(nullable = true, description = "Null when the version was created", example = "in_review") VersionState fromState,
        @Schema(example = "approved") VersionState toState,
        @Schema(description = "Who made the transition", example = "5e8a1b3c-7d9f-4a2e-8c6b-1f0d3e5a7c92") UUID actor,
        @Schema(nullable = true, example = "Key and distractors checked against the 2025 guideline") String comment,
        @Schema(example = "2026-11-30T14:05:00Z") Instant at) {
    static WorkflowEventResponse of(WorkflowEvent e) {
        return new WorkflowEventResponse(e.version, e.fromState, e.toState, e.actor, e.comment, e.at);
    }
}
