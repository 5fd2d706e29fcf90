package io.qbank.review.domain;

import java.util.Arrays;

/**
 * FSRS-6 (the published formulas, 21 parameters) in its long-term form, as the contract asks: no fuzz, no short-term
 * learning steps, elapsed time in whole days. It agrees with the reference implementations (ts-fsrs with
 * {@code enable_short_term: false}, fsrs-rs) for the same configuration; FsrsTest checks their published outputs.
 * <ul>
 * <li>R(t, S) = (1 + F·t/S)^−w20, F = 0.9^(−1/w20) − 1; interval I(r, S) = S/F·(r^(−1/w20) − 1)</li>
 * <li>first answer: S0 = w[G−1], D0 = w4 − e^(w5·(G−1)) + 1 (clamped to [1, 10])</li>
 * <li>D' = w7·D0(4) + (1 − w7)·(D − w6·(G − 3)·(10 − D)/9), clamped to [1, 10]</li>
 * <li>recalled: S' = S·(1 + e^w8·(11 − D)·S^−w9·(e^(w10·(1 − R)) − 1)·(w15 if hard)·(w16 if easy))</li>
 * <li>forgotten: S' = min(S, w11·D^−w12·((S + 1)^w13 − 1)·e^(w14·(1 − R)))</li>
 * </ul>
 * Intervals of the four grades are kept in order (again &lt; hard &lt; good &lt; easy) as the reference does.
 */
public final class Fsrs {

    /** FSRS-6 default parameters. */
    public static final double[] DEFAULT_WEIGHTS = { 0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722,
            0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542 };
    public static final double DEFAULT_RETENTION = 0.9;
    public static final int MAXIMUM_INTERVAL = 36500;
    static final double S_MIN = 0.001;
    static final double S_MAX = 36500.0;

    public static final int AGAIN = 1;
    public static final int HARD = 2;
    public static final int GOOD = 3;
    public static final int EASY = 4;

    /** Stability in days (the interval at which recall falls to 90 %) and difficulty in [1, 10]. */
    public record Memory(double stability, double difficulty) {
    }

    /** The memory after an answer and the days until the next review. */
    public record Scheduled(Memory memory, int intervalDays) {
    }

    private final double[] w;
    private final double decay;
    private final double factor;
    private final double intervalModifier;

    private final int maximumInterval;

    public Fsrs(double desiredRetention) {
        this(DEFAULT_WEIGHTS, desiredRetention, MAXIMUM_INTERVAL);
    }

    public Fsrs(double[] weights, double desiredRetention) {
        this(weights, desiredRetention, MAXIMUM_INTERVAL);
    }

    public Fsrs(double[] weights, double desiredRetention, int maximumInterval) {
        if (weights.length != 21) {
            throw new IllegalArgumentException("FSRS-6 has 21 parameters, got " + weights.length);
        }
        if (!(desiredRetention > 0 && desiredRetention < 1)) {
            throw new IllegalArgumentException("desired retention must lie in (0, 1), was " + desiredRetention);
        }
        if (maximumInterval < 1) {
            throw new IllegalArgumentException("the maximum interval must be at least one day, was " + maximumInterval);
        }
        this.maximumInterval = maximumInterval;
        this.w = Arrays.copyOf(weights, 21);
        this.decay = -w[20];
        this.factor = Math.pow(0.9, 1 / decay) - 1;
        this.intervalModifier = (Math.pow(desiredRetention, 1 / decay) - 1) / factor;
    }

    /** Probability of recall after {@code elapsedDays} with stability {@code stability}. */
    public double retrievability(double elapsedDays, double stability) {
        return Math.pow(1 + factor * elapsedDays / stability, decay);
    }

    /** Days until recall falls to the desired retention, at least 1 and at most the maximum interval. */
    public int interval(double stability) {
        return (int) Math.min(Math.max(1, Math.round(stability * intervalModifier)), maximumInterval);
    }

    /**
     * The memory and interval after answering with {@code grade}; {@code memory} is null for the first answer,
     * {@code elapsedDays} the whole days since the previous answer.
     */
    public Scheduled schedule(Memory memory, long elapsedDays, int grade) {
        if (grade < AGAIN || grade > EASY) {
            throw new IllegalArgumentException("grade must be 1–4, was " + grade);
        }
        if (elapsedDays < 0) {
            throw new IllegalArgumentException("elapsed days must not be negative, was " + elapsedDays);
        }
        Memory[] next = new Memory[5];
        for (int g = AGAIN; g <= EASY; g++) {
            next[g] = step(memory, elapsedDays, g);
        }
        int again = interval(next[AGAIN].stability());
        int hard = interval(next[HARD].stability());
        int good = interval(next[GOOD].stability());
        int easy = interval(next[EASY].stability());
        again = Math.min(again, hard);
        hard = Math.max(hard, again + 1);
        good = Math.max(good, hard + 1);
        easy = Math.max(easy, good + 1);
        int[] intervals = { 0, again, hard, good, easy };
        // the ordering above may push good or easy past the maximum by a day or two
        return new Scheduled(next[grade], Math.min(intervals[grade], maximumInterval));
    }

    /** The memory state after one answer, without the interval (fsrs-rs's {@code next_states} for one grade). */
    public Memory step(Memory memory, long elapsedDays, int grade) {
        if (memory == null) {
            return new Memory(Math.max(w[grade - 1], 0.1), clamp(initialDifficulty(grade), 1, 10));
        }
        double s = memory.stability();
        double d = memory.difficulty();
        double r = retrievability(elapsedDays, s);
        double stability = grade == AGAIN
                ? Math.min(Math.max(s, S_MIN), forgottenStability(d, s, r))
                : recalledStability(d, s, r, grade);
        return new Memory(stability, nextDifficulty(d, grade));
    }

    double initialDifficulty(int grade) {
        return w[4] - Math.exp(w[5] * (grade - 1)) + 1;
    }

    double nextDifficulty(double d, int grade) {
        double delta = -w[6] * (grade - 3);
        double damped = d + delta * (10 - d) / 9;
        return clamp(w[7] * initialDifficulty(EASY) + (1 - w[7]) * damped, 1, 10);
    }

    double recalledStability(double d, double s, double r, int grade) {
        double hardPenalty = grade == HARD ? w[15] : 1;
        double easyBonus = grade == EASY ? w[16] : 1;
        return clamp(s * (1 + Math.exp(w[8]) * (11 - d) * Math.pow(s, -w[9]) * (Math.exp((1 - r) * w[10]) - 1) * hardPenalty * easyBonus),
                S_MIN, S_MAX);
    }

    double forgottenStability(double d, double s, double r) {
        return clamp(w[11] * Math.pow(d, -w[12]) * (Math.pow(s + 1, w[13]) - 1) * Math.exp((1 - r) * w[14]), S_MIN, S_MAX);
    }

    private static double clamp(double x, double lo, double hi) {
        return Math.min(Math.max(x, lo), hi);
    }
}
