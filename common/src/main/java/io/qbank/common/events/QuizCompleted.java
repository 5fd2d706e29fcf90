package io.qbank.common.events;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** {@code reason}: finished or expired. Key: user id. */
@RegisterForReflection
public record QuizCompleted(UUID quizId, String tenantId, UUID userId, String examCode, int answered, int correct,
        double theta, double se, String reason, Instant completedAt) {
}
