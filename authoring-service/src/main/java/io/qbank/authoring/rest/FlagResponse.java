package io.qbank.authoring.rest;

import java.time.Instant;
import java.util.UUID;

import io.qbank.authoring.domain.ItemFlag;

public record FlagResponse(UUID id, int version, UUID flaggedBy, String reason, String comment, String source, Instant flaggedAt,
        Instant resolvedAt, UUID resolvedBy, String resolution) {
    static FlagResponse of(ItemFlag f) {
        return new FlagResponse(f.id, f.version, f.flaggedBy, f.reason, f.comment, f.source, f.flaggedAt, f.resolvedAt, f.resolvedBy,
                f.resolution);
    }
}
