package io.qbank.review.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record AnswerRequest(
        @Schema(examples = "1") @NotNull @Min(1) Integer position,
        @Schema(examples = "C") @NotNull @Pattern(regexp = "[A-E]", message = "must be one of A–E") String selectedLabel,
        @Schema(description = "1 (guessing) to 5 (certain)", examples = "4") @NotNull @Min(1) @Max(5) Integer confidence,
        @Schema(description = "Milliseconds spent on the item", examples = "45000") @NotNull @Positive Long timeTakenMs) {
}
