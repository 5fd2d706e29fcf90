package io.qbank.delivery.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.qbank.common.events.ItemFlagged;

@Schema(example = """
        {"reason": "ambiguous", "comment": "B and D both fit the vignette"}""")
public record FlagRequest(
        @NotNull @Pattern(regexp = ItemFlagged.REASONS, message = "must be one of " + ItemFlagged.REASONS) String reason,
        @Size(max = 2000) String comment) {
}
