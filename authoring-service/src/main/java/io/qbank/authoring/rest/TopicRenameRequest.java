package io.qbank.authoring.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A topic's new name and blueprint code (null clears the code). */
public record TopicRenameRequest(
        @Schema(example = "Cardiovascular system") @NotBlank @Size(max = 200) String name,
        @Schema(example = "CV") @Size(max = 50) String blueprintCode) {
}
