package io.qbank.delivery.rest;

import java.time.Instant;
import java.util.UUID;

import io.qbank.delivery.domain.Quiz;

public record QuizResponse(UUID id, String examCode, String mode, boolean adaptive, int length, Integer timeLimitSeconds,
        String status, int served, int answered, Integer correct, Double theta, Double se, Instant startedAt, Instant expiresAt,
        Instant completedAt) {

    /** In exam mode the score and ability stay hidden until the quiz ends. */
    public static QuizResponse of(Quiz q) {
        boolean show = q.keysVisible();
        return new QuizResponse(q.id, q.examCode, q.mode, q.adaptive, q.length, q.timeLimitSeconds, q.status, q.served,
                q.answered, show ? q.correct : null, show ? q.theta : null, show ? q.se : null, q.startedAt, q.expiresAt,
                q.completedAt);
    }
}
