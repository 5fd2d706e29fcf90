package io.qbank.authoring.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One answer option; the explanation says why it is right or, for a distractor, why it is wrong. */
public record OptionRequest(
        @Schema(example = "A") @NotNull @Pattern(regexp = "[A-E]", message = "must be one of A, B, C, D, E") String label,
        @Schema(example = "Aortic dissection") @NotBlank @Size(max = 2000) String text,
        @Schema(example = "true") boolean correct,
        @Schema(nullable = true, example = "Tearing pain to the back and a pressure difference between the arms are its classic signs.")
        @Size(max = 4000) String explanation) {
}
