package io.qbank.common.events;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A student flagged an item version (from delivery or review). Key: item id. */
@RegisterForReflection
public record ItemFlagged(UUID flagId, UUID itemId, int version, String tenantId, UUID userId, String reason,
        String comment, String source, Instant flaggedAt) {

    /** The reasons a student may give, as a Bean Validation pattern for request fields. */
    public static final String REASONS = "incorrect_key|ambiguous|outdated|typo|offensive|other";
}
