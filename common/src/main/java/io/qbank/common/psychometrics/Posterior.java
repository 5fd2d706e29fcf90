package io.qbank.common.psychometrics;

import java.util.Arrays;

/**
 * The ability posterior on {@link AbilityEstimator}'s 61-point grid, as log densities (unnormalised). A quiz keeps
 * it between answers, so that each answer costs one update of 61 points instead of re-scoring every earlier response
 * with parameters that may have changed meanwhile. Immutable.
 */
public final class Posterior {

    private final double[] logDensity;

    private Posterior(double[] logDensity) {
        this.logDensity = logDensity;
    }

    public static Posterior prior() {
        return new Posterior(AbilityEstimator.LOG_PRIOR.clone());
    }

    /** A posterior kept earlier ({@link #logDensity()}); null or a wrong length is refused. */
    public static Posterior of(double[] logDensity) {
        if (logDensity == null || logDensity.length != AbilityEstimator.POINTS) {
            throw new IllegalArgumentException("a posterior has " + AbilityEstimator.POINTS + " points");
        }
        return new Posterior(logDensity.clone());
    }

    public Posterior update(ItemParameters item, boolean correct) {
        double[] next = logDensity.clone();
        for (int i = 0; i < next.length; i++) {
            next[i] += logLikelihood(item.probability(AbilityEstimator.GRID[i]), correct);
        }
        return new Posterior(normalised(next));
    }

    /** The same update with P(θ) on the grid precomputed (simulations). */
    public Posterior update(double[] probabilityOnGrid, boolean correct) {
        double[] next = logDensity.clone();
        for (int i = 0; i < next.length; i++) {
            next[i] += logLikelihood(probabilityOnGrid[i], correct);
        }
        return new Posterior(normalised(next));
    }

    /** P is kept off 0 and 1: a 2PL item far from θ would otherwise give log(0) and a posterior of NaN. */
    private static double logLikelihood(double p, boolean correct) {
        double clamped = Math.min(1.0 - 1e-12, Math.max(1e-12, p));
        return Math.log(correct ? clamped : 1.0 - clamped);
    }

    public AbilityEstimator.Ability ability() {
        double max = Arrays.stream(logDensity).max().orElseThrow();
        double sum = 0, mean = 0;
        double[] w = new double[logDensity.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = Math.exp(logDensity[i] - max); // shifted to avoid underflow after many responses
            sum += w[i];
            mean += w[i] * AbilityEstimator.GRID[i];
        }
        mean /= sum;
        double variance = 0;
        for (int i = 0; i < w.length; i++) {
            double d = AbilityEstimator.GRID[i] - mean;
            variance += w[i] * d * d;
        }
        return new AbilityEstimator.Ability(mean, Math.sqrt(variance / sum));
    }

    public double[] logDensity() {
        return logDensity.clone();
    }

    /** Shifted so that the maximum is 0: the values stay in range however many responses follow. */
    private static double[] normalised(double[] values) {
        double max = Arrays.stream(values).max().orElseThrow();
        for (int i = 0; i < values.length; i++) {
            values[i] -= max;
        }
        return values;
    }
}
