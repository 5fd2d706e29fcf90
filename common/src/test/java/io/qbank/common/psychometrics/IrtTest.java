package io.qbank.common.psychometrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class IrtTest {

    @Test
    void probabilityMatchesHandComputedValues() {
        // θ = b: P = c + (1 − c)/2
        assertThat(Irt3pl.probability(0.5, 1.2, 0.5, 0.2)).isCloseTo(0.6, within(1e-12));
        // a=1, b=0, c=0.25, θ=1: 0.25 + 0.75/(1+e^−1.7) = 0.25 + 0.75·0.845535 = 0.884151
        assertThat(Irt3pl.probability(1.0, 1.0, 0.0, 0.25)).isCloseTo(0.884151, within(1e-6));
        // lower asymptote
        assertThat(Irt3pl.probability(-40, 1.0, 0.0, 0.25)).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void informationMatchesHandComputedValuesAndPeaksNearB() {
        // 2PL (c=0) at θ=b: (1.7a)²·P·Q = 2.89·0.25 = 0.7225 for a=1
        assertThat(Irt3pl.information(0.0, 1.0, 0.0, 0.0)).isCloseTo(0.7225, within(1e-12));
        // a=1, b=0, c=0.25, θ=1: P=0.884151, Q=0.115849, (P−c)/(1−c)=0.845535
        // I = 2.89·(0.115849/0.884151)·0.845535² = 0.270717
        assertThat(Irt3pl.information(1.0, 1.0, 0.0, 0.25)).isCloseTo(0.270717, within(1e-5));
        assertThat(Irt3pl.information(0.0, 1.0, 0.0, 0.0)).isGreaterThan(Irt3pl.information(1.0, 1.0, 0.0, 0.0));
    }

    @Test
    void withoutResponsesTheEstimateIsThePrior() {
        AbilityEstimator.Ability prior = AbilityEstimator.estimate(List.of());
        assertThat(prior.theta()).isCloseTo(0.0, within(1e-9));
        // the N(0,1) prior on the 61-point grid has an SD of 1 (to grid accuracy)
        assertThat(prior.se()).isCloseTo(1.0, within(1e-3));
    }

    @Test
    void aCorrectAnswerRaisesThetaAndAWrongOneLowersItWithAnSeBelowThePrior() {
        ItemParameters item = new ItemParameters(1.0, 0.0, 0.2);
        AbilityEstimator.Ability right = AbilityEstimator.estimate(List.of(new AbilityEstimator.Response(item, true)));
        AbilityEstimator.Ability wrong = AbilityEstimator.estimate(List.of(new AbilityEstimator.Response(item, false)));
        assertThat(right.theta()).isPositive();
        assertThat(wrong.theta()).isNegative();
        assertThat(right.se()).isLessThan(1.0);
        assertThat(wrong.se()).isLessThan(1.0);
    }

    @Test
    void manyResponsesRecoverAKnownThetaWithoutUnderflow() {
        Random random = new Random(42);
        double trueTheta = 1.3;
        List<AbilityEstimator.Response> responses = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            ItemParameters item = new ItemParameters(1.0 + random.nextDouble(), random.nextGaussian(), 0.2);
            responses.add(new AbilityEstimator.Response(item, random.nextDouble() < item.probability(trueTheta)));
        }
        AbilityEstimator.Ability ability = AbilityEstimator.estimate(responses);
        assertThat(ability.theta()).isCloseTo(trueTheta, within(0.3));
        assertThat(ability.se()).isLessThan(0.15).isPositive();
    }

    @Test
    void parametersAreValidatedAndDefaultsFollowTheAuthorsLevel() {
        assertThatThrownBy(() -> new ItemParameters(0, 0, 0.2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ItemParameters(1, Double.NaN, 0.2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ItemParameters(1, 0, 1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ItemParameters.defaults(5, 5)).isEqualTo(new ItemParameters(1.0, 2.0, 0.2));
        assertThat(ItemParameters.defaults(null, 4)).isEqualTo(new ItemParameters(1.0, 0.0, 0.25));
    }
}
