package io.qbank.analytics.psychometrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import io.qbank.common.psychometrics.Irt3pl;

/**
 * Item calibration by marginal maximum likelihood, solved with the EM algorithm over a fixed quadrature (Bock &amp;
 * Aitkin, 1981): θ ~ N(0, 1) on an evenly spaced grid; the E-step spreads each examinee over the grid by their posterior
 * and sums, per item and grid point, the expected respondents n and expected correct answers r; the M-step fits each item
 * to its (n, r) by Fisher scoring. The sparse matrix costs O(responses × grid points) per cycle.
 * <p>
 * Parameters are in the 1.7-scaled metric of {@link Irt3pl}. Internally an item is fitted as slope α = 1.7·a and intercept
 * d = −α·b, which keeps the scoring steps well conditioned. The 3PL has a Beta prior on c and, as BILOG-MG does by
 * default, a log-normal prior on a; the 2PL is pure maximum likelihood.
 * <p>
 * Standard errors: per item, the inverse of that item's block of the observed information by Louis's formula (expected
 * complete-data information less the posterior covariance of the complete-data score), so cross-item covariances are
 * ignored; then the delta method from (α, d) to (a, b).
 */
public final class MmlCalibration {

    public enum Model {
        TWO_PL("2PL"), THREE_PL("3PL");

        public final String label;

        Model(String label) {
            this.label = label;
        }
    }

    /**
     * @param quadraturePoints grid points on [−quadratureBound, quadratureBound]
     * @param tolerance        EM stops when no a, b or c moved by more than this in a cycle
     * @param guessingAlpha    Beta(α, β) prior on c (3PL only); BILOG-MG's default for 5 options is Beta(5, 17)
     * @param slopeLogSd       log-normal prior on a, log a ~ N(slopeLogMean, slopeLogSd²) (3PL only)
     */
    public record Settings(Model model, int quadraturePoints, double quadratureBound, int maxCycles, double tolerance,
            double guessingAlpha, double guessingBeta, double slopeLogMean, double slopeLogSd) {

        public Settings {
            if (quadraturePoints < 5 || quadratureBound <= 0 || maxCycles < 1 || !(tolerance > 0)) {
                throw new IllegalArgumentException("need at least 5 quadrature points, a positive bound, cycles and tolerance");
            }
            if (model == Model.THREE_PL && (guessingAlpha <= 1 || guessingBeta <= 1 || slopeLogSd <= 0)) {
                throw new IllegalArgumentException("the 3PL priors need Beta parameters above 1 and a positive slope SD");
            }
        }

        public static Settings twoPl() {
            return new Settings(Model.TWO_PL, 49, 6, 1000, 1e-4, 0, 0, 0, 0);
        }

        public static Settings threePl() {
            return new Settings(Model.THREE_PL, 49, 6, 1000, 1e-4, 5, 17, 0, 0.5);
        }

        public Settings withModel(Model m) {
            return new Settings(m, quadraturePoints, quadratureBound, maxCycles, tolerance, guessingAlpha, guessingBeta, slopeLogMean, slopeLogSd);
        }

        int parameters() {
            return model == Model.THREE_PL ? 3 : 2;
        }
    }

    /** One item's estimates; {@code c} is 0 and {@code seC} NaN under the 2PL; an SE is NaN where the information is singular. */
    public record ItemEstimate(double a, double b, double c, double seA, double seB, double seC) {
    }

    public record Progress(int cycle, double logLikelihood, double largestChange) {
    }

    /** @param logLikelihood the marginal log-likelihood of the data at the estimates (priors not included) */
    public record Result(List<ItemEstimate> items, double logLikelihood, int cycles, boolean converged) {
    }

    private static final double MIN_SLOPE = 0.02 * Irt3pl.D;
    private static final double MAX_SLOPE = 6 * Irt3pl.D;
    private static final double MAX_INTERCEPT = 40;
    private static final double MIN_GUESSING = 1e-4;
    private static final double MAX_GUESSING = 0.6;

    private final ResponseMatrix data;
    private final Settings settings;
    private final int points;
    private final double[] grid;
    private final double[] logPrior;
    private final double[][] params; // per item {α, d, c}
    private final double[] logP;
    private final double[] logQ;
    private final double[] expected; // n[j·Q + q]
    private final double[] expectedCorrect; // r[j·Q + q]

    private MmlCalibration(ResponseMatrix data, Settings settings) {
        this.data = data;
        this.settings = settings;
        this.points = settings.quadraturePoints();
        this.grid = new double[points];
        this.logPrior = new double[points];
        double norm = 0;
        for (int q = 0; q < points; q++) {
            grid[q] = -settings.quadratureBound() + 2 * settings.quadratureBound() * q / (points - 1);
            norm += Math.exp(-grid[q] * grid[q] / 2);
        }
        for (int q = 0; q < points; q++) {
            logPrior[q] = -grid[q] * grid[q] / 2 - Math.log(norm);
        }
        int items = data.items();
        this.params = new double[items][];
        this.logP = new double[items * points];
        this.logQ = new double[items * points];
        this.expected = new double[items * points];
        this.expectedCorrect = new double[items * points];
    }

    public static Result calibrate(ResponseMatrix data, Settings settings, Consumer<Progress> progress) {
        return new MmlCalibration(data, settings).run(progress);
    }

    private Result run(Consumer<Progress> progress) {
        startingValues();
        double logLikelihood = Double.NaN;
        boolean converged = false;
        int cycle = 0;
        while (cycle < settings.maxCycles() && !converged) {
            cycle++;
            logLikelihood = expectation();
            double largest = 0;
            for (int j = 0; j < data.items(); j++) {
                double[] before = irt(params[j]);
                params[j] = maximise(j, params[j]);
                double[] after = irt(params[j]);
                for (int k = 0; k < 3; k++) {
                    largest = Math.max(largest, Math.abs(after[k] - before[k]));
                }
            }
            progress.accept(new Progress(cycle, logLikelihood, largest));
            converged = largest < settings.tolerance();
        }
        logLikelihood = expectation();
        return new Result(standardErrors(), logLikelihood, cycle, converged);
    }

    private void startingValues() {
        double[] facility = data.facility();
        double c0 = settings.model() == Model.THREE_PL ? (settings.guessingAlpha() - 1) / (settings.guessingAlpha() + settings.guessingBeta() - 2) : 0;
        for (int j = 0; j < data.items(); j++) {
            if (Double.isNaN(facility[j])) {
                throw new IllegalArgumentException("item " + j + " has no responses; leave it out of the matrix");
            }
            double p = Math.min(0.98, Math.max(0.02, (facility[j] - c0) / (1 - c0)));
            params[j] = new double[] { Irt3pl.D * 0.6, 1.2 * Math.log(p / (1 - p)), c0 };
        }
    }

    /** E-step: (n, r) per item and grid point under the current parameters; returns the marginal log-likelihood. */
    private double expectation() {
        for (int j = 0; j < data.items(); j++) {
            double[] it = params[j];
            for (int q = 0; q < points; q++) {
                double p = clamp(probability(it, grid[q]));
                logP[j * points + q] = Math.log(p);
                logQ[j * points + q] = Math.log1p(-p);
            }
        }
        Arrays.fill(expected, 0);
        Arrays.fill(expectedCorrect, 0);
        double[] weights = new double[points];
        double total = 0;
        for (int e = 0; e < data.examinees(); e++) {
            total += posterior(e, weights);
            for (int r = data.rowStart(e); r < data.rowEnd(e); r++) {
                int base = data.item(r) * points;
                for (int q = 0; q < points; q++) {
                    expected[base + q] += weights[q];
                }
                if (data.correct(r)) {
                    for (int q = 0; q < points; q++) {
                        expectedCorrect[base + q] += weights[q];
                    }
                }
            }
        }
        return total;
    }

    /** Fills {@code weights} with the examinee's posterior over the grid; returns the log of their marginal likelihood. */
    private double posterior(int examinee, double[] weights) {
        System.arraycopy(logPrior, 0, weights, 0, points);
        for (int r = data.rowStart(examinee); r < data.rowEnd(examinee); r++) {
            double[] table = data.correct(r) ? logP : logQ;
            int base = data.item(r) * points;
            for (int q = 0; q < points; q++) {
                weights[q] += table[base + q];
            }
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double w : weights) {
            max = Math.max(max, w);
        }
        double sum = 0;
        for (int q = 0; q < points; q++) {
            weights[q] = Math.exp(weights[q] - max);
            sum += weights[q];
        }
        for (int q = 0; q < points; q++) {
            weights[q] /= sum;
        }
        return max + Math.log(sum);
    }

    /** M-step for one item: Fisher scoring on its expected counts (plus priors), with step halving. */
    private double[] maximise(int j, double[] start) {
        int k = settings.parameters();
        double[] current = start.clone();
        double objective = objective(j, current);
        for (int iteration = 0; iteration < 25; iteration++) {
            double[] gradient = new double[k];
            double[][] information = new double[k][k];
            scoreAndInformation(j, current, gradient, information);
            double[] step = solve(information, gradient);
            if (step == null) {
                break;
            }
            double scale = 1;
            double[] candidate = null;
            double candidateObjective = Double.NEGATIVE_INFINITY;
            for (int halving = 0; halving < 20; halving++) {
                candidate = current.clone();
                for (int i = 0; i < k; i++) {
                    candidate[i] += scale * step[i];
                }
                bound(candidate);
                candidateObjective = objective(j, candidate);
                if (candidateObjective >= objective - 1e-12) {
                    break;
                }
                scale /= 2;
            }
            if (candidateObjective < objective - 1e-12) {
                break; // no ascent along the scoring direction: at the optimum up to rounding
            }
            double moved = 0;
            for (int i = 0; i < k; i++) {
                moved = Math.max(moved, Math.abs(candidate[i] - current[i]));
            }
            current = candidate;
            objective = candidateObjective;
            if (moved < 1e-7) {
                break;
            }
        }
        return current;
    }

    private double objective(int j, double[] it) {
        double f = logItemPrior(it);
        int base = j * points;
        for (int q = 0; q < points; q++) {
            double p = clamp(probability(it, grid[q]));
            f += expectedCorrect[base + q] * Math.log(p) + (expected[base + q] - expectedCorrect[base + q]) * Math.log1p(-p);
        }
        return f;
    }

    /** Gradient of the item's objective and its expected information, in (α, d[, c]). */
    private void scoreAndInformation(int j, double[] it, double[] gradient, double[][] information) {
        int k = gradient.length;
        double[] dp = new double[3];
        int base = j * points;
        for (int q = 0; q < points; q++) {
            double p = clamp(probability(it, grid[q]));
            derivatives(it, grid[q], dp);
            double pq = p * (1 - p);
            double residual = (expectedCorrect[base + q] - expected[base + q] * p) / pq;
            double weight = expected[base + q] / pq;
            for (int a = 0; a < k; a++) {
                gradient[a] += residual * dp[a];
                for (int b = 0; b < k; b++) {
                    information[a][b] += weight * dp[a] * dp[b];
                }
            }
        }
        if (settings.model() == Model.THREE_PL) {
            double alpha = it[0], c = it[2];
            double logA = Math.log(alpha / Irt3pl.D), variance = settings.slopeLogSd() * settings.slopeLogSd();
            gradient[0] += (-(logA - settings.slopeLogMean()) / variance - 1) / alpha;
            information[0][0] += 1 / (variance * alpha * alpha);
            double ga = settings.guessingAlpha() - 1, gb = settings.guessingBeta() - 1;
            gradient[2] += ga / c - gb / (1 - c);
            information[2][2] += ga / (c * c) + gb / ((1 - c) * (1 - c));
        }
    }

    private double logItemPrior(double[] it) {
        if (settings.model() != Model.THREE_PL) {
            return 0;
        }
        double logA = Math.log(it[0] / Irt3pl.D) - settings.slopeLogMean();
        return -logA * logA / (2 * settings.slopeLogSd() * settings.slopeLogSd()) - Math.log(it[0] / Irt3pl.D)
                + (settings.guessingAlpha() - 1) * Math.log(it[2]) + (settings.guessingBeta() - 1) * Math.log1p(-it[2]);
    }

    /** Louis's observed information per item, from one more pass over the data at the estimates. */
    private List<ItemEstimate> standardErrors() {
        int k = settings.parameters();
        int items = data.items();
        double[][][] scoreCovariance = new double[items][k][k];
        double[] weights = new double[points];
        double[] dp = new double[3];
        double[][] score = new double[points][k];
        double[] mean = new double[k];
        for (int e = 0; e < data.examinees(); e++) {
            posterior(e, weights);
            for (int r = data.rowStart(e); r < data.rowEnd(e); r++) {
                int j = data.item(r);
                double[] it = params[j];
                double x = data.correct(r) ? 1 : 0;
                Arrays.fill(mean, 0);
                for (int q = 0; q < points; q++) {
                    double p = clamp(probability(it, grid[q]));
                    derivatives(it, grid[q], dp);
                    double factor = (x - p) / (p * (1 - p));
                    for (int a = 0; a < k; a++) {
                        score[q][a] = factor * dp[a];
                        mean[a] += weights[q] * score[q][a];
                    }
                }
                double[][] cov = scoreCovariance[j];
                for (int q = 0; q < points; q++) {
                    for (int a = 0; a < k; a++) {
                        for (int b = a; b < k; b++) {
                            cov[a][b] += weights[q] * (score[q][a] - mean[a]) * (score[q][b] - mean[b]);
                        }
                    }
                }
            }
        }
        List<ItemEstimate> estimates = new ArrayList<>(items);
        for (int j = 0; j < items; j++) {
            double[][] information = new double[k][k];
            scoreAndInformation(j, params[j], new double[k], information);
            for (int a = 0; a < k; a++) {
                for (int b = a; b < k; b++) {
                    information[a][b] -= scoreCovariance[j][a][b];
                    information[b][a] = information[a][b];
                }
            }
            double[][] covariance = inverse(information);
            double[] irt = irt(params[j]);
            double alpha = params[j][0], d = params[j][1];
            double seA = Double.NaN, seB = Double.NaN, seC = Double.NaN;
            if (covariance != null && covariance[0][0] > 0 && covariance[1][1] > 0) {
                seA = Math.sqrt(covariance[0][0]) / Irt3pl.D;
                // b = −d/α: gradient (d/α², −1/α)
                double ga = d / (alpha * alpha), gd = -1 / alpha;
                double varB = ga * ga * covariance[0][0] + 2 * ga * gd * covariance[0][1] + gd * gd * covariance[1][1];
                seB = varB > 0 ? Math.sqrt(varB) : Double.NaN;
                if (k == 3 && covariance[2][2] > 0) {
                    seC = Math.sqrt(covariance[2][2]);
                }
            }
            estimates.add(new ItemEstimate(irt[0], irt[1], irt[2], seA, seB, seC));
        }
        return estimates;
    }

    private double probability(double[] it, double theta) {
        double logistic = 1 / (1 + Math.exp(-(it[0] * theta + it[1])));
        return it[2] + (1 - it[2]) * logistic;
    }

    /** ∂P/∂α, ∂P/∂d, ∂P/∂c at θ. */
    private static void derivatives(double[] it, double theta, double[] out) {
        double logistic = 1 / (1 + Math.exp(-(it[0] * theta + it[1])));
        double slope = (1 - it[2]) * logistic * (1 - logistic);
        out[0] = slope * theta;
        out[1] = slope;
        out[2] = 1 - logistic;
    }

    private void bound(double[] it) {
        it[0] = Math.max(MIN_SLOPE, Math.min(MAX_SLOPE, it[0]));
        it[1] = Math.max(-MAX_INTERCEPT, Math.min(MAX_INTERCEPT, it[1]));
        if (settings.model() == Model.THREE_PL) {
            it[2] = Math.max(MIN_GUESSING, Math.min(MAX_GUESSING, it[2]));
        }
    }

    /** (a, b, c) in the 1.7-scaled metric. */
    private static double[] irt(double[] it) {
        return new double[] { it[0] / Irt3pl.D, -it[1] / it[0], it[2] };
    }

    private static double clamp(double p) {
        return Math.max(1e-10, Math.min(1 - 1e-10, p));
    }

    /** Solves A·x = b by Gaussian elimination with partial pivoting; null if A is singular. */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(m[row][col]) > Math.abs(m[pivot][col])) {
                    pivot = row;
                }
            }
            if (Math.abs(m[pivot][col]) < 1e-12) {
                return null;
            }
            double[] swap = m[col];
            m[col] = m[pivot];
            m[pivot] = swap;
            for (int row = 0; row < n; row++) {
                if (row != col) {
                    double factor = m[row][col] / m[col][col];
                    for (int c = col; c <= n; c++) {
                        m[row][c] -= factor * m[col][c];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = m[i][n] / m[i][i];
        }
        return x;
    }

    static double[][] inverse(double[][] a) {
        int n = a.length;
        double[][] inv = new double[n][];
        double[][] columns = new double[n][n];
        for (int i = 0; i < n; i++) {
            double[] unit = new double[n];
            unit[i] = 1;
            double[] column = solve(a, unit);
            if (column == null) {
                return null;
            }
            columns[i] = column;
        }
        for (int i = 0; i < n; i++) {
            inv[i] = new double[n];
            for (int j = 0; j < n; j++) {
                inv[i][j] = columns[j][i];
            }
        }
        return inv;
    }
}
