package io.qbank.review.domain;

import java.util.UUID;

/** One row of the attempts log: the answer, and the schedule, XP and level it led to. */
public record Attempt(UUID id, ReviewAnswer answer, int quality, ScheduleState schedule, int xpEarned, int levelAtAttempt,
        boolean early) {
}
