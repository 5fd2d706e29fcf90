package io.qbank.authoring.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record FlagResolution(
        @Schema(example = "Option C reworded in version 3; the key was right") @NotBlank @Size(max = 2000) String resolution) {
}
