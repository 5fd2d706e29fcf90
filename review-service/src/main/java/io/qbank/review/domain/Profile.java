package io.qbank.review.domain;

import java.time.ZoneId;
import java.util.UUID;

/** A learner's choices (scheduler, desired retention, time zone) and progress (XP, streak). */
public record Profile(String tenantId, UUID userId, ZoneId timeZone, Scheduler scheduler, double desiredRetention, long xp,
        Gamification.Streak streak) {

    public static final double DEFAULT_RETENTION = Fsrs.DEFAULT_RETENTION;

    public int level() {
        return Gamification.level(xp);
    }

    public Profile gain(int earnedXp, Gamification.Streak newStreak) {
        return new Profile(tenantId, userId, timeZone, scheduler, desiredRetention, xp + earnedXp, newStreak);
    }

    public Profile withSettings(ZoneId zone, Scheduler newScheduler, double retention) {
        return new Profile(tenantId, userId, zone, newScheduler, retention, xp, streak);
    }
}
