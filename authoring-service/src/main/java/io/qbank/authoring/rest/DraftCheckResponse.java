package io.qbank.authoring.rest;

import java.util.List;
import java.util.Locale;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.qbank.common.writing.ItemWritingChecks;

/** What the item-writing checks found: each finding with its rule's name and why, and the field it is about. */
public record DraftCheckResponse(
        @Schema(description = "No finding that would make generation reject the item", example = "true") boolean valid,
        @Schema(description = "1 minus 0.5 per rejection and 0.15 per warning, within 0–1", example = "0.85") double qualityScore,
        List<Finding> findings) {

    public record Finding(
            @Schema(example = "negative-stem-unemphasised") String code,
            @Schema(example = "Hidden negative") String rule,
            @Schema(example = "A NOT or EXCEPT that is easy to miss tests reading, not medicine.") String why,
            @Schema(enumeration = { "reject", "warn" }, example = "warn") String severity,
            @Schema(description = "stem, leadIn, options, options[i] (0-based) or rationale", example = "leadIn") String field,
            @Schema(example = "the lead-in's \"not\" is easy to miss: emphasise it or rephrase positively") String message) {
    }

    static DraftCheckResponse of(ItemWritingChecks.Report report) {
        return new DraftCheckResponse(report.valid(), report.qualityScore(), report.findings().stream().map(f -> {
            var rule = ItemWritingChecks.RULES.get(f.code());
            return new Finding(f.code(), rule.name(), rule.why(), f.severity().name().toLowerCase(Locale.ROOT), f.field(), f.message());
        }).toList());
    }
}
