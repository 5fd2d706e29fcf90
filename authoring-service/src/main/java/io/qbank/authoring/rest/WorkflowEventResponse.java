package io.qbank.authoring.rest;

import java.time.Instant;
import java.util.UUID;

import io.qbank.authoring.domain.VersionState;
import io.qbank.authoring.domain.WorkflowEvent;

public record WorkflowEventResponse(int version, VersionState fromState, VersionState toState, UUID actor, String comment,
        Instant at) {
    static WorkflowEventResponse of(WorkflowEvent e) {
        return new WorkflowEventResponse(e.version, e.fromState, e.toState, e.actor, e.comment, e.at);
    }
}
