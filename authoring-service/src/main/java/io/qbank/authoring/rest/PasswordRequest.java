package io.qbank.authoring.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new password for a user of the tenant. */
public record PasswordRequest(
        @Schema(example = "correct-horse-battery") @NotBlank @Size(min = 12, max = 128) String password,
        @Schema(description = "Whether the user must change it at the next sign-in (default true)", example = "true") Boolean temporary) {
}
