package io.qbank.authoring.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record OptionRequest(
        @NotNull @Pattern(regexp = "[A-E]", message = "must be one of A, B, C, D, E") String label,
        @NotBlank @Size(max = 2000) String text,
        boolean correct,
        @Size(max = 4000) String explanation) {
}
