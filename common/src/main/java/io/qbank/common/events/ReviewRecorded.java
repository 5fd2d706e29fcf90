package io.qbank.common.events;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A schedule changed after an answer (from delivery or a review session); {@code personal}: the item is one of the
 * learner's personal study set, not of the bank. Key: user id.
 */
@RegisterForReflection
public record ReviewRecorded(UUID attemptId, String tenantId, UUID userId, UUID itemId, int version, String scheduler,
        int quality, boolean correct, int intervalDays, Instant dueAt, String source, Instant recordedAt, boolean personal) {
}
