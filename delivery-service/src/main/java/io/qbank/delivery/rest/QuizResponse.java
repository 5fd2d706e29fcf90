package io.qbank.delivery.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.qbank.delivery.domain.Quiz;

/** A quiz as its student sees it; in exam mode the score and ability stay hidden until the quiz ends. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QuizResponse(UUID id, String examCode, String mode, boolean adaptive, int length, Integer timeLimitSeconds,
        List<UUID> topicIds, List<String> difficulties, String history, List<QuotaProgress> quotas, Double seTarget, String status,
        int served, int answered, Integer correct, Double theta, Double se, Instant startedAt, Instant expiresAt, Instant completedAt) {

    public record QuotaProgress(UUID topicId, int count, int served) {
    }

    public static QuizResponse of(Quiz q) {
        boolean show = q.keysVisible();
        return new QuizResponse(q.id(), q.examCode(), q.mode(), q.adaptive(), q.length(), q.timeLimitSeconds(), q.filters().topicIds(),
                q.filters().difficulties(), q.filters().history(),
                q.quotas().stream().map(x -> new QuotaProgress(x.topicId(), x.required(), x.served())).toList(), q.seTarget(), q.status(),
                q.served(), q.answered(), show ? q.correct() : null, show ? q.theta() : null, show ? q.se() : null, q.startedAt(),
                q.expiresAt(), q.completedAt());
    }
}
