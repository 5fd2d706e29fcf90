package io.qbank.review.rest;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Settings to change; an absent field keeps its value. */
public record ProfileRequest(
        @Schema(description = "IANA time zone that days and streaks follow", examples = "Europe/Berlin") @Size(max = 64) String timeZone,
        @Schema(description = "sm2 or fsrs; switching recomputes every schedule from the attempts log", examples = "fsrs")
        @Pattern(regexp = "sm2|fsrs", message = "must be sm2 or fsrs") String scheduler,
        @Schema(description = "FSRS's target probability of recall at review time", examples = "0.9")
        @DecimalMin("0.7") @DecimalMax("0.99") Double desiredRetention) {
}
