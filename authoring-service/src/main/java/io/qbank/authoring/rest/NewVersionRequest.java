package io.qbank.authoring.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An edit: the new content, and the version it was made from (which must still be the latest). */
public record NewVersionRequest(
        @Schema(description = "The version the author edited; 409 if another version has been created since", example = "1")
        @NotNull @Min(1) Integer baseVersion,
        @NotNull @Valid ItemContent content) {
}
