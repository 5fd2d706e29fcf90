package io.qbank.review.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A learner's review session: items chosen when it started, served in order, each answered once. {@code personal}: a
 * practice of the learner's own study set (of one material's questions, if {@code materialId}), new questions first.
 */
public record ReviewSession(UUID id, String tenantId, UUID userId, UUID topicId, boolean ahead, boolean personal, UUID materialId,
        Instant createdAt, int itemCount, int answered) {

    /** One item of a session; {@code attemptId} is set by its answer. */
    public record Entry(UUID sessionId, int position, UUID itemId, int version, Instant servedAt, UUID attemptId) {
    }
}
