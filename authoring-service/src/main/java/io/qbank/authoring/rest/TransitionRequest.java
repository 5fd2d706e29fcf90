package io.qbank.authoring.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.qbank.authoring.domain.Action;

/** submit, approve, request_changes or retire, with an optional comment for the audit trail. */
public record TransitionRequest(@NotNull Action action, @Size(max = 2000) String comment) {
}
