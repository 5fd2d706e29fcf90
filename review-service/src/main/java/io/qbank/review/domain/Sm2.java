package io.qbank.review.domain;

/**
 * SM-2 as the contract specifies it (shared/design/ARCHITECTURE.md, from seed 000):
 * EF' = EF + (0.1 − (5 − q)·(0.08 + (5 − q)·0.02)) on every answer, floor 1.3 and no ceiling (the seed's
 * 2.5 cap was a defect); q ≥ 3: repetition 0 → 1 day, 1 → 6 days, else round(I·EF') with the new EF, halves
 * rounded up; q &lt; 3: repetition back to 0 and 1 day. Intervals stop at a maximum (as Anki's do), which the formula
 * alone would pass after a few dozen perfect answers.
 */
public final class Sm2 {

    public static final double INITIAL_EF = 2.5;
    public static final double MIN_EF = 1.3;
    /** The seed's optimal answer time; more than 1.5× of it lowers a confident correct answer's quality. */
    public static final int OPTIMAL_TIME_SECONDS = 90;

    public record State(int repetition, double easinessFactor, int intervalDays) {
        public static final State NEW = new State(0, INITIAL_EF, 1);
    }

    private Sm2() {
    }

    /** The seed's {@code calculate_quality_from_attempt}. */
    public static int quality(boolean correct, int confidence, long timeTakenSeconds) {
        if (confidence < 1 || confidence > 5) {
            throw new IllegalArgumentException("confidence must be 1–5, was " + confidence);
        }
        if (!correct) {
            return confidence >= 4 ? 0 : confidence == 3 ? 1 : 2;
        }
        int quality = confidence <= 2 ? 3 : confidence == 3 ? 4 : 5;
        if (timeTakenSeconds > OPTIMAL_TIME_SECONDS * 1.5 && quality > 3) {
            quality--;
        }
        return quality;
    }

    /** The state after an answer of quality {@code quality}, its interval at most {@code maximumIntervalDays}. */
    public static State next(State state, int quality, int maximumIntervalDays) {
        if (quality < 0 || quality > 5) {
            throw new IllegalArgumentException("quality must be 0–5, was " + quality);
        }
        int d = 5 - quality;
        double ef = Math.max(MIN_EF, state.easinessFactor() + (0.1 - d * (0.08 + d * 0.02)));
        if (quality < 3) {
            return new State(0, ef, 1);
        }
        int interval = switch (state.repetition()) {
            case 0 -> 1;
            case 1 -> 6;
            default -> (int) Math.min(Math.round(state.intervalDays() * ef), maximumIntervalDays);
        };
        return new State(state.repetition() + 1, ef, interval);
    }
}
