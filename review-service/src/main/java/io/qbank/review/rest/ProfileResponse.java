package io.qbank.review.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

import io.qbank.review.domain.Gamification;
import io.qbank.review.domain.Profile;

/** My settings and progress; {@code currentStreak} is 0 once a whole day of my time zone passed without an answer. */
public record ProfileResponse(String timeZone, String scheduler, double desiredRetention, long xp, int level, long levelStartsAtXp,
        long nextLevelAtXp, int currentStreak, int longestStreak, @Schema(nullable = true) LocalDate lastActiveDay) {

    static ProfileResponse of(Profile p) {
        int level = p.level();
        return new ProfileResponse(p.timeZone().getId(), p.scheduler().code(), p.desiredRetention(), p.xp(), level,
                Gamification.xpForLevel(level), Gamification.xpForLevel(level + 1), p.streak().currentOn(LocalDate.now(p.timeZone())),
                p.streak().longest(), p.streak().lastActiveDay());
    }
}
