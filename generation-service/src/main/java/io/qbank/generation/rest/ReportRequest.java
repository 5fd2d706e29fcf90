package io.qbank.generation.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.qbank.common.events.ItemFlagged;

/** What is wrong with one of my questions (the reasons of an item flag). */
public record ReportRequest(
        @Schema(examples = "incorrect_key") @NotNull @Pattern(regexp = ItemFlagged.REASONS, message = "must be one of " + ItemFlagged.REASONS) String reason,
        @Schema(examples = "The explanation says B, the key is C.") @Size(max = 2000) String comment) {
}
