package io.qbank.delivery.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A new quiz. The tenant comes from the token, never from the body. */
public record QuizRequest(
        @NotNull @Pattern(regexp = "^[A-Z0-9][A-Z0-9_-]{0,31}$", message = "an exam code is 1–32 upper-case letters, digits, '-' or '_'") String examCode,
        @NotNull @Pattern(regexp = "tutor|exam", message = "must be tutor or exam") String mode,
        Boolean adaptive,
        @NotNull @Min(1) @Max(120) Integer length,
        @Min(30) @Max(6 * 3600) Integer timeLimitSeconds) {
}
