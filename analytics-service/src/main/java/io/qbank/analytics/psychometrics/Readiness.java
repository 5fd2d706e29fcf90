package io.qbank.analytics.psychometrics;

import java.util.List;

import io.qbank.common.psychometrics.AbilityEstimator;

/**
 * How likely a student is to score above a passing standard: their ability estimated (EAP, a standard normal prior) from
 * their answers to calibrated items only, and the probability that the true ability lies above the standard,
 * Φ((θ̂ − θ_pass) / SE), with the 95 % band θ̂ ± 1.96 SE. Meaningful only from a minimum number of calibrated answers:
 * with fewer, the prior still dominates the estimate.
 *
 * @param calibratedAnswers answers to items with calibrated parameters
 * @param theta             the ability estimate, or null without a calibrated answer
 * @param se                its standard error (the posterior's standard deviation)
 * @param probability       the probability of an ability above the standard, or null without a standard or an answer
 * @param meaningful        enough calibrated answers and a standard
 */
public record Readiness(int calibratedAnswers, Double theta, Double se, Double thetaLow, Double thetaHigh, Double passingTheta,
        Double probability, boolean meaningful) {

    static final double Z95 = 1.959963984540054;

    public static Readiness of(List<AbilityEstimator.Response> responses, Double passingTheta, int minimumAnswers) {
        if (responses.isEmpty()) {
            return new Readiness(0, null, null, null, null, passingTheta, null, false);
        }
        AbilityEstimator.Ability ability = AbilityEstimator.estimate(responses);
        double theta = ability.theta(), se = ability.se();
        Double probability = passingTheta == null ? null : normalCdf((theta - passingTheta) / se);
        return new Readiness(responses.size(), theta, se, theta - Z95 * se, theta + Z95 * se, passingTheta, probability,
                passingTheta != null && responses.size() >= minimumAnswers);
    }

    /** The standard normal distribution function. */
    public static double normalCdf(double z) {
        return 0.5 * erfc(-z / Math.sqrt(2));
    }

    private static double erfc(double x) {
        // Numerical Recipes' erfc via a Chebyshev fit: relative error below 1.2e-7, ample for a probability shown in percent
        double t = 1.0 / (1.0 + 0.5 * Math.abs(x));
        double y = t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
                + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? y : 2.0 - y;
    }
}
