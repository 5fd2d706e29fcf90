package io.qbank.common.events;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Key: user id; topic {@code qbank.delivery.v1}. */
@RegisterForReflection
public record QuizStarted(UUID quizId, String tenantId, UUID userId, String examCode, String mode, boolean adaptive,
        int length, Integer timeLimitSeconds, Instant startedAt) {
}
