package io.qbank.common.psychometrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class PosteriorTest {

    // Reference values from an independent 15-line computation of the same definition (61 points on [−4, 4],
    // weights exp(−θ²/2)·Πp or (1−p), mean and SD of the weights), not from this code.
    @Test
    void eapMatchesIndependentlyComputedValues() {
        AbilityEstimator.Ability right = Posterior.prior().update(new ItemParameters(1, 0, 0.2), true).ability();
        assertThat(right.theta()).isCloseTo(0.376116, within(1e-6));
        assertThat(right.se()).isCloseTo(0.926128, within(1e-6));
        AbilityEstimator.Ability wrong = Posterior.prior().update(new ItemParameters(1, 0, 0.2), false).ability();
        assertThat(wrong.theta()).isCloseTo(-0.564173, within(1e-6));
        assertThat(wrong.se()).isCloseTo(0.825158, within(1e-6));
        AbilityEstimator.Ability three = Posterior.prior().update(new ItemParameters(1.5, -0.5, 0.25), true)
                .update(new ItemParameters(0.8, 1.0, 0.2), false).update(new ItemParameters(1.2, 0.3, 0.2), true).ability();
        assertThat(three.theta()).isCloseTo(0.350166, within(1e-6));
        assertThat(three.se()).isCloseTo(0.751632, within(1e-6));
    }

    @Test
    void updatingOneAnswerAtATimeEqualsScoringAllAnswersAndSurvivesAStoreAndLoad() {
        Random random = new Random(11);
        List<AbilityEstimator.Response> responses = new ArrayList<>();
        Posterior posterior = Posterior.prior();
        for (int i = 0; i < 120; i++) {
            ItemParameters item = new ItemParameters(0.5 + random.nextDouble() * 2, random.nextGaussian(), 0.2 * random.nextDouble());
            boolean correct = random.nextBoolean();
            responses.add(new AbilityEstimator.Response(item, correct));
            posterior = Posterior.of(posterior.logDensity()).update(item, correct); // as a quiz stores it between answers
        }
        AbilityEstimator.Ability batch = AbilityEstimator.estimate(responses);
        assertThat(posterior.ability().theta()).isCloseTo(batch.theta(), within(1e-9));
        assertThat(posterior.ability().se()).isCloseTo(batch.se(), within(1e-9));
    }

    @Test
    void extremeItemsNeverTurnTheEstimateIntoNaN() {
        // a 2PL item so easy that P(θ) rounds to 1 on most of the grid, answered wrongly
        Posterior p = Posterior.prior().update(new ItemParameters(40, -3.5, 0.0), false);
        assertThat(p.ability().theta()).isFinite().isLessThan(-3.0);
        assertThat(p.ability().se()).isFinite();
    }

    @Test
    void aStoredPosteriorOfTheWrongSizeIsRefused() {
        assertThatThrownBy(() -> Posterior.of(new double[3])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Posterior.of(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
