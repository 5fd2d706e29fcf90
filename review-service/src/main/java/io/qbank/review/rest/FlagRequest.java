package io.qbank.review.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.qbank.common.events.ItemFlagged;

public record FlagRequest(
        @Schema(examples = "incorrect_key") @NotNull @Pattern(regexp = ItemFlagged.REASONS, message = "must be one of " + ItemFlagged.REASONS) String reason,
        @Schema(examples = "The rationale contradicts option C.") @Size(max = 2000) String comment) {
}
