package io.qbank.review.rest;

import java.time.Instant;
import java.util.UUID;

import io.qbank.review.domain.ReviewSchedule;

public record ScheduleResponse(UUID itemId, int version, UUID topicId, String scheduler, int repetition,
        double easinessFactor, int intervalDays, Instant dueAt, String reviewStatus, int attempts, int lapses,
        Instant lastAnsweredAt) {

    static ScheduleResponse of(ReviewSchedule s) {
        return new ScheduleResponse(s.itemId, s.version, s.topicId, s.scheduler, s.repetition, s.easinessFactor, s.intervalDays,
                s.dueAt, s.reviewStatus, s.attempts, s.lapses, s.lastAnsweredAt);
    }
}
