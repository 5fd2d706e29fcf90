package io.qbank.authoring.rest;

import io.qbank.common.validation.SingleLine;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A topic's new name and blueprint code (null clears the code). */
public record TopicRenameRequest(
        @Schema(example = "Cardiovascular system") @NotBlank @SingleLine @Size(max = 200) String name,
        @Schema(example = "CV") @SingleLine @Size(max = 50) String blueprintCode) {
}
