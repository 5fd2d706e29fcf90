package io.qbank.analytics.psychometrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.qbank.common.psychometrics.AbilityEstimator;
import io.qbank.common.psychometrics.ItemParameters;

class ReadinessTest {

    /** Answers of a student who gets right every item easier than their ability. */
    private static List<AbilityEstimator.Response> answers(double ability, int n) {
        List<AbilityEstimator.Response> responses = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double b = -2.5 + 5.0 * i / (n - 1);
            responses.add(new AbilityEstimator.Response(new ItemParameters(1.2, b, 0.2), b < ability));
        }
        return responses;
    }

    @Test
    void theNormalDistributionFunction() {
        assertThat(Readiness.normalCdf(0)).isCloseTo(0.5, within(1e-7));
        assertThat(Readiness.normalCdf(1.959963984540054)).isCloseTo(0.975, within(1e-6));
        assertThat(Readiness.normalCdf(-1)).isCloseTo(0.158655254, within(1e-6));
        assertThat(Readiness.normalCdf(3)).isCloseTo(0.998650102, within(1e-6));
    }

    @Test
    void aStrongStudentIsLikelyAboveALowStandardAndUnlikelyAboveAHighOne() {
        Readiness low = Readiness.of(answers(1.0, 60), 0.0, 30);
        assertThat(low.meaningful()).isTrue();
        assertThat(low.theta()).isBetween(0.6, 1.4);
        assertThat(low.se()).isBetween(0.1, 0.5);
        assertThat(low.thetaLow()).isLessThan(low.theta());
        assertThat(low.thetaHigh()).isGreaterThan(low.theta());
        assertThat(low.probability()).isGreaterThan(0.95);
        assertThat(Readiness.of(answers(1.0, 60), 2.0, 30).probability()).isLessThan(0.05);
        // the probability is that of the estimate's distribution lying above the standard
        assertThat(low.probability()).isCloseTo(Readiness.normalCdf(low.theta() / low.se()), within(1e-12));
    }

    @Test
    void notMeaningfulWithoutAStandardOrEnoughCalibratedAnswers() {
        Readiness none = Readiness.of(List.of(), 0.0, 30);
        assertThat(none.calibratedAnswers()).isZero();
        assertThat(none.theta()).isNull();
        assertThat(none.probability()).isNull();
        assertThat(none.meaningful()).isFalse();
        Readiness few = Readiness.of(answers(1.0, 10), 0.0, 30);
        assertThat(few.probability()).isNotNull();
        assertThat(few.meaningful()).isFalse();
        Readiness noStandard = Readiness.of(answers(1.0, 60), null, 30);
        assertThat(noStandard.theta()).isNotNull();
        assertThat(noStandard.probability()).isNull();
        assertThat(noStandard.meaningful()).isFalse();
    }
}
