package io.qbank.common.events;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Key: user id. */
@RegisterForReflection
public record ItemServed(UUID quizId, String tenantId, UUID userId, int position, UUID itemId, int version,
        UUID topicId, double thetaBefore, Instant servedAt) {
}
