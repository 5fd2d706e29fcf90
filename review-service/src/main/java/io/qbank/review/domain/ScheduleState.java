package io.qbank.review.domain;

import java.time.Instant;

/**
 * Where a learner stands with one item after an answer: the state of the scheduler in use (SM-2's easiness factor,
 * or FSRS's stability and difficulty; the other's are null) and what both share: {@code repetition} counts the
 * recalls since the last lapse, {@code intervalDays} and {@code dueAt} say when to review again.
 */
public record ScheduleState(Scheduler scheduler, int repetition, Double easinessFactor, Double stability, Double difficulty,
        int intervalDays, Instant dueAt, String reviewStatus, int attempts, int lapses, Instant lastAnsweredAt) {
}
