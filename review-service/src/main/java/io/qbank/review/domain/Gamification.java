package io.qbank.review.domain;

import java.time.LocalDate;

/**
 * XP, levels and daily streaks. XP per answer is the seed's rule; the seed keeps a level per user but gives no
 * formula, so levels grow with the square root of XP: level n needs 100·(n − 1)² XP (100 for level 2, 400 for 3,
 * 900 for 4), which keeps early levels quick and later ones meaningful.
 */
public final class Gamification {

    private Gamification() {
    }

    /** The seed's rule: 10 × difficulty multiplier (easy 1, medium 1.5, hard 2, nbme 2.5), +5 if correct, +3 more if confident (≥ 4). */
    public static int xp(String difficulty, boolean correct, int confidence) {
        double multiplier = switch (difficulty == null ? "" : difficulty) {
            case "medium" -> 1.5;
            case "hard" -> 2.0;
            case "nbme" -> 2.5;
            default -> 1.0;
        };
        int xp = (int) (10 * multiplier);
        if (correct) {
            xp += 5;
            if (confidence >= 4) {
                xp += 3;
            }
        }
        return xp;
    }

    public static int level(long xp) {
        if (xp < 0) {
            throw new IllegalArgumentException("XP must not be negative, was " + xp);
        }
        return (int) Math.floor(Math.sqrt(xp / 100.0)) + 1;
    }

    /** The XP at which {@code level} starts. */
    public static long xpForLevel(int level) {
        return 100L * (level - 1) * (level - 1);
    }

    /** Consecutive days with at least one answer, counted in the learner's time zone. */
    public record Streak(int current, int longest, LocalDate lastActiveDay) {

        public static final Streak NONE = new Streak(0, 0, null);

        /** After an answer on {@code day}: the same day changes nothing, the next day extends, a gap starts again at 1. */
        public Streak answeredOn(LocalDate day) {
            if (lastActiveDay != null && !day.isAfter(lastActiveDay)) {
                return this; // the same day, or a late event for a day already counted
            }
            int next = lastActiveDay != null && day.equals(lastActiveDay.plusDays(1)) ? current + 1 : 1;
            return new Streak(next, Math.max(longest, next), day);
        }

        /** The streak as it stands {@code today}: still alive until a whole day passes without an answer. */
        public int currentOn(LocalDate today) {
            return lastActiveDay != null && !today.isAfter(lastActiveDay.plusDays(1)) ? current : 0;
        }
    }
}
