package io.qbank.analytics.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.qbank.analytics.psychometrics.Readiness;

/** A student's readiness for an exam code, with the plain words of how it is computed and whether it means anything yet. */
public record ReadinessResponse(
        @Schema(example = "STEP1") String examCode,
        @Schema(description = "Answers to calibrated items of the exam code (the latest per item)", example = "64") int calibratedAnswers,
        @Schema(description = "Calibrated answers from which the band is meaningful", example = "30") int minimumAnswers,
        @Schema(nullable = true, description = "Ability estimate (EAP) on the theta scale", example = "0.62") Double theta,
        @Schema(nullable = true, description = "Its standard error", example = "0.21") Double se,
        @Schema(nullable = true, description = "Lower end of the 95 % band of the ability", example = "0.21") Double thetaLow,
        @Schema(nullable = true, description = "Upper end of the 95 % band of the ability", example = "1.03") Double thetaHigh,
        @Schema(nullable = true, description = "The tenant's passing standard; null if none is set", example = "0.35") Double passingTheta,
        @Schema(nullable = true, description = "Probability of an ability above the standard", example = "0.90") Double probability,
        @Schema(description = "Enough calibrated answers and a standard", example = "true") boolean meaningful,
        @Schema(description = "How it is computed, or why it is not meaningful yet",
                example = "From your latest answers to 64 calibrated items: a 90 % chance that your ability is above the passing standard.")
        String explanation) {

    static ReadinessResponse of(String examCode, Readiness r, int minimum) {
        String explanation;
        if (r.passingTheta() == null) {
            explanation = "Your institution has not set a passing standard for " + examCode + " yet.";
        } else if (r.calibratedAnswers() < minimum) {
            explanation = "Not meaningful yet: " + r.calibratedAnswers() + " of the " + minimum
                    + " answers to calibrated items it needs (items whose difficulty has been measured from many students' answers).";
        } else {
            explanation = "From your latest answers to " + r.calibratedAnswers() + " calibrated items, your ability is estimated at "
                    + String.format(java.util.Locale.ROOT, "%.2f ± %.2f", r.theta(), 1.96 * r.se())
                    + "; the chance that it lies above the passing standard is " + Math.round(100 * r.probability()) + " %.";
        }
        return new ReadinessResponse(examCode, r.calibratedAnswers(), minimum, r.theta(), r.se(), r.thetaLow(), r.thetaHigh(),
                r.passingTheta(), r.probability(), r.meaningful(), explanation);
    }
}
