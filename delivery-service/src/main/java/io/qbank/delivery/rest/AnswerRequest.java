package io.qbank.delivery.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

public record AnswerRequest(
        @NotNull @Min(1) Integer position,
        @NotNull @Pattern(regexp = "[A-E]", message = "must be one of A, B, C, D, E") String selectedLabel,
        @Min(1) @Max(5) Integer confidence,
        @NotNull @Min(0) @Max(24L * 3600 * 1000) Long timeTakenMs) {
}
