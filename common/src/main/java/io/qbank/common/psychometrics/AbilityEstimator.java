package io.qbank.common.psychometrics;

import java.util.List;

/**
 * Expected a posteriori (EAP) ability under a N(0,1) prior on 61 equally spaced points on [−4, 4];
 * the posterior standard deviation is the standard error. With no responses it returns the prior (0, 1).
 */
public final class AbilityEstimator {

    public static final int POINTS = 61;
    public static final double MIN = -4.0;
    public static final double MAX = 4.0;

    private static final double[] GRID = new double[POINTS];
    private static final double[] LOG_PRIOR = new double[POINTS];

    static {
        for (int i = 0; i < POINTS; i++) {
            GRID[i] = MIN + i * (MAX - MIN) / (POINTS - 1);
            LOG_PRIOR[i] = -0.5 * GRID[i] * GRID[i];
        }
    }

    /** One scored response to an item of known parameters. */
    public record Response(ItemParameters item, boolean correct) {
    }

    public record Ability(double theta, double se) {
    }

    private AbilityEstimator() {
    }

    public static Ability estimate(List<Response> responses) {
        double[] logPosterior = LOG_PRIOR.clone();
        for (Response r : responses) {
            for (int i = 0; i < POINTS; i++) {
                double p = r.item().probability(GRID[i]);
                logPosterior[i] += Math.log(r.correct() ? p : 1.0 - p);
            }
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double lp : logPosterior) {
            max = Math.max(max, lp);
        }
        double sum = 0, mean = 0;
        double[] w = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            w[i] = Math.exp(logPosterior[i] - max); // shifted to avoid underflow after many responses
            sum += w[i];
            mean += w[i] * GRID[i];
        }
        mean /= sum;
        double variance = 0;
        for (int i = 0; i < POINTS; i++) {
            double d = GRID[i] - mean;
            variance += w[i] * d * d;
        }
        return new Ability(mean, Math.sqrt(variance / sum));
    }
}
