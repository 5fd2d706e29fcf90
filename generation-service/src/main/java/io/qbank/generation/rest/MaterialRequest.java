package io.qbank.generation.rest;

import io.qbank.common.validation.SingleLine;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record MaterialRequest(
        @NotBlank @SingleLine @Size(max = 300) String title,
        @Pattern(regexp = "text/plain|text/markdown", message = "must be text/plain or text/markdown") String contentType,
        @NotNull String text) {
}
