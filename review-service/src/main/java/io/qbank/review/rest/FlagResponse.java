package io.qbank.review.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

import io.qbank.common.events.ItemFlagged;

public record FlagResponse(UUID flagId, UUID itemId, int version, String reason, @Schema(nullable = true) String comment, Instant flaggedAt) {

    static FlagResponse of(ItemFlagged f) {
        return new FlagResponse(f.flagId(), f.itemId(), f.version(), f.reason(), f.comment(), f.flaggedAt());
    }
}
