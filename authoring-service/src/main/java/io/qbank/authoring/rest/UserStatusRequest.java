package io.qbank.authoring.rest;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Whether the user may sign in. */
public record UserStatusRequest(@Schema(example = "false") @NotNull Boolean enabled) {
}
