package io.qbank.common.psychometrics;

import java.util.List;

/**
 * Expected a posteriori (EAP) ability under a N(0,1) prior on 61 equally spaced points on [−4, 4];
 * the posterior standard deviation is the standard error. With no responses it returns the prior (0, 1).
 * {@link Posterior} does the same one response at a time.
 */
public final class AbilityEstimator {

    public static final int POINTS = 61;
    public static final double MIN = -4.0;
    public static final double MAX = 4.0;

    static final double[] GRID = new double[POINTS];
    static final double[] LOG_PRIOR = new double[POINTS];

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
        Posterior posterior = Posterior.prior();
        for (Response r : responses) {
            posterior = posterior.update(r.item(), r.correct());
        }
        return posterior.ability();
    }

    /** The grid points, for simulations that precompute response probabilities. */
    public static double gridPoint(int i) {
        return GRID[i];
    }
}
