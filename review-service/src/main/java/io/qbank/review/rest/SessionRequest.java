package io.qbank.review.rest;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record SessionRequest(
        @Schema(description = "Only items under this topic (its subtree)") UUID topicId,
        @Schema(description = "How many items at most", defaultValue = "20", examples = "20") @Min(1) @Max(100) Integer limit,
        @Schema(description = "Review ahead: items not yet due, soonest first (answers count as early reviews)", defaultValue = "false")
        Boolean ahead,
        @Schema(description = "Practise my own study set (new questions first) instead of reviewing; no topic, not ahead")
        Boolean personal,
        @Schema(description = "With personal: only the questions of this material of mine") UUID materialId) {
}
