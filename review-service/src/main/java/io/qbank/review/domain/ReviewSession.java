package io.qbank.review.domain;

import java.time.Instant;
import java.util.UUID;

/** A learner's review session: items chosen when it started, served in order, each answered once. */
public record ReviewSession(UUID id, String tenantId, UUID userId, UUID topicId, boolean ahead, Instant createdAt, int itemCount,
        int answered) {

    /** One item of a session; {@code attemptId} is set by its answer. */
    public record Entry(UUID sessionId, int position, UUID itemId, int version, Instant servedAt, UUID attemptId) {
    }
}
