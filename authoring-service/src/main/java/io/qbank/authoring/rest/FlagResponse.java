package io.qbank.authoring.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.qbank.authoring.domain.ItemFlag;

public record FlagResponse(
        @Schema(example = "9d4b2f6a-1c3e-4a8d-b5f7-2e6c0a9d8b14") UUID id,
        @Schema(description = "The version the student was served", example = "2") int version,
        @Schema(example = "c41e8a2d-6b9f-4d3a-8e1c-7f5b0a2d9e63") UUID flaggedBy,
        @Schema(example = "wrong_key") String reason,
        @Schema(nullable = true, example = "Option C is also correct under the current guideline") String comment,
        @Schema(description = "Where the flag was raised", example = "delivery") String source,
        @Schema(example = "2026-11-30T14:05:00Z") Instant flaggedAt,
        @Schema(nullable = true, description = "Null while open", example = "2026-12-01T09:30:00Z") Instant resolvedAt,
        @Schema(nullable = true, example = "5e8a1b3c-7d9f-4a2e-8c6b-1f0d3e5a7c92") UUID resolvedBy,
        @Schema(nullable = true, example = "Key confirmed; explanation of option C expanded in version 3") String resolution) {
    static FlagResponse of(ItemFlag f) {
        return new FlagResponse(f.id, f.version, f.flaggedBy, f.reason, f.comment, f.source, f.flaggedAt, f.resolvedAt, f.resolvedBy,
                f.resolution);
    }
}
