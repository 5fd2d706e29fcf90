package io.qbank.analytics.rest;

import java.time.LocalDate;

import io.qbank.analytics.domain.CohortDay;

public record CohortDayResponse(LocalDate day, String cohort, long attempts, long correct, double accuracy, long activeUsers,
        double meanTimeMs) {

    static CohortDayResponse of(CohortDay d) {
        return new CohortDayResponse(d.day, d.cohort, d.attempts, d.correct, d.attempts == 0 ? 0 : (double) d.correct / d.attempts,
                d.activeUsers, d.attempts == 0 ? 0 : (double) d.timeTotalMs / d.attempts);
    }
}
