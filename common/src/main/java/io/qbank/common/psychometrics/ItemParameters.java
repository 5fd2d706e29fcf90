package io.qbank.common.psychometrics;

/** 3PL parameters of an item version: discrimination a &gt; 0, difficulty b, guessing 0 ≤ c &lt; 1. */
public record ItemParameters(double a, double b, double c) {

    public ItemParameters {
        if (!(a > 0) || Double.isInfinite(a)) {
            throw new IllegalArgumentException("a must be positive, was " + a);
        }
        if (Double.isNaN(b) || Double.isInfinite(b)) {
            throw new IllegalArgumentException("b must be finite, was " + b);
        }
        if (!(c >= 0 && c < 1)) {
            throw new IllegalArgumentException("c must be in [0, 1), was " + c);
        }
    }

    /**
     * Defaults before calibration: a = 1, c = 1/options (a blind guess), b from the author's 1–5 level
     * (1 → −2 … 5 → +2).
     */
    public static ItemParameters defaults(Integer difficultyLevel, int optionCount) {
        int level = difficultyLevel == null ? 3 : Math.max(1, Math.min(5, difficultyLevel));
        return new ItemParameters(1.0, level - 3.0, 1.0 / Math.max(2, optionCount));
    }

    public double probability(double theta) {
        return Irt3pl.probability(theta, a, b, c);
    }

    public double information(double theta) {
        return Irt3pl.information(theta, a, b, c);
    }
}
