package io.qbank.review.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

import io.qbank.review.domain.Schedule;

/** A schedule: SM-2's easiness factor, or FSRS's stability and difficulty (the other scheduler's fields are null). */
public record ScheduleResponse(UUID itemId, int version, @Schema(nullable = true) UUID topicId, String scheduler, int repetition, @Schema(nullable = true) Double easinessFactor,
        @Schema(nullable = true) Double stability, @Schema(nullable = true) Double difficulty, int intervalDays, Instant dueAt, String reviewStatus, int attempts, int lapses,
        @Schema(nullable = true) Instant lastAnsweredAt) {

    static ScheduleResponse of(Schedule s) {
        var st = s.state();
        return new ScheduleResponse(s.itemId(), s.version(), s.topicId(), st.scheduler().code(), st.repetition(), st.easinessFactor(),
                st.stability(), st.difficulty(), st.intervalDays(), st.dueAt(), st.reviewStatus(), st.attempts(), st.lapses(),
                st.lastAnsweredAt());
    }
}
