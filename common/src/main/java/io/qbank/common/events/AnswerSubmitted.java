package io.qbank.common.events;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One graded answer, with the served version's key and the ability estimate around it. Key: user id. */
@RegisterForReflection
public record AnswerSubmitted(
        UUID responseId,
        UUID quizId,
        String tenantId,
        UUID userId,
        int position,
        UUID itemId,
        int version,
        UUID topicId,
        String examCode,
        String selectedLabel,
        boolean correct,
        Integer confidence,
        long timeTakenMs,
        double thetaBefore,
        double thetaAfter,
        double seAfter,
        String difficulty,
        String mode,
        Instant answeredAt) {
}
