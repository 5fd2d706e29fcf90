package io.qbank.common.psychometrics;

/**
 * The three-parameter logistic model with the 1.7 scaling constant:
 * P(θ) = c + (1 − c) / (1 + exp(−1.7·a·(θ − b))), I(θ) = (1.7·a)²·(Q/P)·((P − c)/(1 − c))².
 */
public final class Irt3pl {

    public static final double D = 1.7;

    private Irt3pl() {
    }

    public static double probability(double theta, double a, double b, double c) {
        return c + (1.0 - c) / (1.0 + Math.exp(-D * a * (theta - b)));
    }

    public static double information(double theta, double a, double b, double c) {
        double p = probability(theta, a, b, c);
        double q = 1.0 - p;
        if (p <= 0.0 || q <= 0.0) {
            return 0.0;
        }
        double ratio = (p - c) / (1.0 - c);
        return (D * a) * (D * a) * (q / p) * ratio * ratio;
    }
}
