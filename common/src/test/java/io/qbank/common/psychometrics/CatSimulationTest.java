package io.qbank.common.psychometrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The adaptive engine end to end on simulated examinees: 1,000 examinees of known θ ~ N(0,1), a calibrated 300-item 3PL
 * bank, 30-item quizzes. Seeds are fixed so that a failure reproduces.
 */
class CatSimulationTest {

    private static final int BANK = 300;
    private static final int EXAMINEES = 1_000;
    private static final int LENGTH = 30;
    private static final int SHORTLIST = 64;
    private static final double TARGET = 0.25;

    private static List<ItemParameters> bank(Random random) {
        List<ItemParameters> bank = new ArrayList<>();
        for (int i = 0; i < BANK; i++) {
            bank.add(new ItemParameters(0.7 + 1.3 * random.nextDouble(), 1.2 * random.nextGaussian(), 0.1 + 0.15 * random.nextDouble()));
        }
        return bank;
    }

    private static double[] thetas(Random random) {
        double[] thetas = new double[EXAMINEES];
        for (int i = 0; i < EXAMINEES; i++) {
            thetas[i] = random.nextGaussian();
        }
        return thetas;
    }

    @Test
    void adaptiveQuizzesRecoverThetaAndSympsonHetterKeepsEveryItemNearTheTargetExposure() {
        Random random = new Random(2026);
        List<ItemParameters> bank = bank(random);
        double[] none = new double[BANK];
        Arrays.fill(none, 1.0);

        CatSimulation.Result free = CatSimulation.run(bank, none, thetas(random), LENGTH, SHORTLIST, random);
        assertThat(free.rmse()).as("RMSE without exposure control").isLessThanOrEqualTo(0.35);
        // maximum information alone overexposes the best items: the reason for exposure control
        assertThat(free.maxExposureRate()).isGreaterThan(TARGET + 0.2);

        SympsonHetter.Result parameters = SympsonHetter.parameters(bank, TARGET, 3 * EXAMINEES, LENGTH, SHORTLIST, 12, 0.0, random,
                it -> System.out.printf("Sympson–Hetter iteration %d: max exposure %.3f, RMSE %.3f%n", it.number(), it.maxExposureRate(), it.rmse()));
        assertThat(Arrays.stream(parameters.shP()).boxed().toList()).allSatisfy(k -> assertThat(k).isBetween(0.0, 1.0));
        assertThat(Arrays.stream(parameters.shP()).min().orElseThrow()).as("some items are held back").isLessThan(1.0);
        assertThat(parameters.iterations()).isNotEmpty();

        // fresh examinees with the parameters applied
        CatSimulation.Result controlled = CatSimulation.run(bank, parameters.shP(), thetas(random), LENGTH, SHORTLIST, random);
        System.out.printf("no control: RMSE %.3f, max exposure %.3f; Sympson–Hetter: RMSE %.3f, max exposure %.3f%n", free.rmse(),
                free.maxExposureRate(), controlled.rmse(), controlled.maxExposureRate());
        assertThat(controlled.maxExposureRate()).as("highest exposure with Sympson–Hetter").isLessThanOrEqualTo(TARGET + 0.05);
        assertThat(controlled.rmse()).as("RMSE with Sympson–Hetter").isLessThanOrEqualTo(0.35);
        // every quiz had its 30 items: exposure rates sum to the length
        assertThat(Arrays.stream(controlled.exposureRate()).sum()).isCloseTo(LENGTH, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void theProcedureRefusesANonsensicalTarget() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SympsonHetter.parameters(bank(new Random(1)), 0, 10, 5, 8, 1, 0.01,
                new Random(1), it -> {
                })).isInstanceOf(IllegalArgumentException.class);
    }
}
