package io.qbank.review.rest;

import java.time.Instant;
import java.util.UUID;

import io.qbank.common.events.ItemFlagged;

public record FlagResponse(UUID flagId, UUID itemId, int version, String reason, String comment, Instant flaggedAt) {

    static FlagResponse of(ItemFlagged f) {
        return new FlagResponse(f.flagId(), f.itemId(), f.version(), f.reason(), f.comment(), f.flaggedAt());
    }
}
