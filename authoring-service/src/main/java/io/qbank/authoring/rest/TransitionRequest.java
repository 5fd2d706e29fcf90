package io.qbank.authoring.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.qbank.authoring.domain.Action;

/** submit, approve, request_changes, retire or discard, with an optional comment for the audit trail. */
public record TransitionRequest(
        @Schema(example = "request_changes") @NotNull Action action,
        @Schema(example = "Distractor D is also defensible; tighten the vignette.") @Size(max = 2000) String comment) {
}
