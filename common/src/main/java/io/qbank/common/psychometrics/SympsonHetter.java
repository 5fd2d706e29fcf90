package io.qbank.common.psychometrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * Sympson–Hetter exposure-control parameters by the iterative simulation procedure (Sympson &amp; Hetter, 1985): start with
 * every K = 1; simulate quizzes with the current K; for each item whose selection rate P(S) exceeds the target r set
 * K = r / P(S), else K = 1; repeat. Since P(A) = K·P(S), an item's exposure converges to at most r. The iteration
 * whose highest exposure rate was lowest is kept (the procedure is known to oscillate a little near the end).
 */
public final class SympsonHetter {

    /** One iteration's outcome, for progress reports. */
    public record Iteration(int number, double maxExposureRate, double rmse) {
    }

    public record Result(double[] shP, double maxExposureRate, List<Iteration> iterations) {
    }

    /**
     * @param bank        the calibrated pool
     * @param targetRate  the highest exposure rate wanted (e.g. 0.25)
     * @param examinees   simulated examinees per iteration, θ drawn from N(0,1)
     * @param length      items per quiz
     * @param iterations  at most this many iterations; fewer once the target is met within {@code tolerance}
     */
    public static Result parameters(List<ItemParameters> bank, double targetRate, int examinees, int length, int shortlistSize,
            int iterations, double tolerance, RandomGenerator random, Consumer<Iteration> progress) {
        if (!(targetRate > 0 && targetRate <= 1)) {
            throw new IllegalArgumentException("the target exposure rate must be in (0, 1], was " + targetRate);
        }
        double[] k = new double[bank.size()];
        Arrays.fill(k, 1.0);
        double[] best = k.clone();
        double bestMax = Double.POSITIVE_INFINITY;
        List<Iteration> history = new ArrayList<>();
        for (int n = 1; n <= iterations; n++) {
            double[] thetas = new double[examinees];
            for (int e = 0; e < examinees; e++) {
                thetas[e] = random.nextGaussian();
            }
            CatSimulation.Result run = CatSimulation.run(bank, k, thetas, length, shortlistSize, random);
            Iteration it = new Iteration(n, run.maxExposureRate(), run.rmse());
            history.add(it);
            progress.accept(it);
            if (run.maxExposureRate() < bestMax) {
                bestMax = run.maxExposureRate();
                best = k.clone();
            }
            if (run.maxExposureRate() <= targetRate + tolerance) {
                break;
            }
            double[] next = new double[k.length];
            for (int i = 0; i < k.length; i++) {
                double selection = run.selectionRate()[i];
                next[i] = selection > targetRate ? targetRate / selection : 1.0;
            }
            k = next;
        }
        return new Result(best, bestMax, List.copyOf(history));
    }

    private SympsonHetter() {
    }
}
