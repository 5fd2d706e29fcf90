package io.qbank.review.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * FSRS against the reference implementations' published outputs:
 * <ul>
 * <li>open-spaced-repetition/ts-fsrs, packages/fsrs/src/legacy/__tests__/FSRS-6.test.ts ("memory state[long-term]", the
 * values of fsrs-rs src/inference.rs at 037345f) and "first repeat" — FSRS-6 default parameters;</li>
 * <li>the same repository's __tests__/impl/long-term_scheduler.test.ts (test1, test2, test5): FSRS-5 parameters, which
 * are FSRS-6 with w19 = 0 and w20 = 0.5, each review on its due day, long-term scheduler.</li>
 * </ul>
 * ts-fsrs rounds every intermediate to 8 decimals and fsrs-rs computes in f32, so values agree to 1e-5, intervals exactly.
 */
class FsrsTest {

    private static final double[] FSRS5 = { 0.4197, 1.1869, 3.0412, 15.2441, 7.1434, 0.6477, 1.0007, 0.0674, 1.6597, 0.1712, 1.1178,
            2.0225, 0.0904, 0.3025, 2.1214, 0.2498, 2.9466, 0.4891, 0.6468, 0.0, 0.5 };

    private record Run(List<Integer> intervals, List<Double> stability, List<Double> difficulty) {
    }

    /** Reviews each answer on the day it falls due, as the reference tests do. */
    private static Run run(Fsrs fsrs, int... grades) {
        List<Integer> intervals = new ArrayList<>();
        List<Double> stability = new ArrayList<>();
        List<Double> difficulty = new ArrayList<>();
        Fsrs.Memory memory = null;
        int elapsed = 0;
        for (int grade : grades) {
            Fsrs.Scheduled next = fsrs.schedule(memory, elapsed, grade);
            memory = next.memory();
            elapsed = next.intervalDays();
            intervals.add(next.intervalDays());
            stability.add(memory.stability());
            difficulty.add(memory.difficulty());
        }
        return new Run(intervals, stability, difficulty);
    }

    private static void assertClose(List<Double> actual, double... expected) {
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual.get(i)).as("value %d", i).isCloseTo(expected[i], within(1e-5 * Math.max(1, expected[i])));
        }
    }

    @Test
    void fsrs6DefaultsReproduceTheMemoryStateOfFsrsRs() {
        Fsrs fsrs = new Fsrs(0.9);
        int[] grades = { Fsrs.AGAIN, Fsrs.GOOD, Fsrs.GOOD, Fsrs.GOOD, Fsrs.GOOD, Fsrs.GOOD };
        int[] elapsed = { 0, 0, 1, 3, 8, 21 };
        Fsrs.Memory memory = null;
        for (int i = 0; i < grades.length; i++) {
            memory = fsrs.step(memory, elapsed[i], grades[i]);
        }
        assertThat(memory.stability()).isCloseTo(53.335106, within(1e-4));
        assertThat(memory.difficulty()).isCloseTo(6.3574867, within(1e-4));
    }

    @Test
    void fsrs6FirstAnswers() {
        Fsrs fsrs = new Fsrs(0.9);
        double[] stability = new double[4];
        double[] difficulty = new double[4];
        for (int g = 1; g <= 4; g++) {
            Fsrs.Memory m = fsrs.step(null, 0, g);
            stability[g - 1] = m.stability();
            difficulty[g - 1] = m.difficulty();
        }
        assertThat(stability).containsExactly(0.212, 1.2931, 2.3065, 8.2956);
        assertThat(difficulty).containsExactly(new double[] { 6.4133, 5.11217071, 2.11810397, 1 }, within(1e-8));
        assertThat(fsrs.schedule(null, 0, Fsrs.EASY).intervalDays()).isEqualTo(8);
    }

    @Test
    void longTermSchedulerTest1() {
        Run run = run(new Fsrs(FSRS5, 0.9), 3, 3, 3, 3, 3, 3, 1, 1, 3, 3, 3, 3, 3);
        assertThat(run.intervals()).containsExactly(3, 13, 48, 155, 445, 1158, 17, 3, 11, 37, 112, 307, 773);
        assertClose(run.stability(), 3.0412, 13.09130698, 48.15848988, 154.93732625, 445.05562739, 1158.07779739, 16.63063166,
                3.01732209, 11.42247264, 37.37521902, 111.8752758, 306.5974569, 772.94026648);
        assertClose(run.difficulty(), 4.49094334, 4.26664289, 4.05746029, 3.86237659, 3.68044154, 3.51076891, 4.69833071,
                5.55956298, 5.26323756, 4.98688448, 4.72915759, 4.4888015, 4.26464541);
    }

    @Test
    void longTermSchedulerTest2() {
        Run run = run(new Fsrs(FSRS5, 0.9), 1, 2, 3, 4, 1, 2, 3, 4);
        assertThat(run.intervals()).containsExactly(1, 2, 6, 41, 4, 7, 21, 133);
        assertClose(run.stability(), 0.4197, 1.0344317, 5.5356759, 41.0033667, 4.46605519, 6.67743292, 20.88868155, 132.81849454);
        assertClose(run.difficulty(), 7.1434, 7.03653841, 6.64066485, 5.92312772, 6.44779861, 6.45995078, 6.10293922, 5.36588547);
    }

    @Test
    void longTermSchedulerTest5() {
        Run run = run(new Fsrs(FSRS5, 0.9), 4, 1, 2, 3, 4, 1, 2, 3);
        assertThat(run.intervals()).containsExactly(15, 3, 6, 27, 240, 10, 17, 60);
        assertClose(run.stability(), 15.2441, 3.25621013, 6.32684549, 26.56339029, 239.70462771, 9.75621519, 17.06035531, 59.59547542);
        assertClose(run.difficulty(), 1.16304343, 2.99573557, 3.59851762, 3.43436666, 2.60045771, 4.03816348, 4.46259158, 4.24020203);
    }

    @Test
    void retrievabilityAndIntervalsFollowTheDesiredRetention() {
        Fsrs fsrs = new Fsrs(0.9);
        assertThat(fsrs.retrievability(0, 10)).isEqualTo(1.0);
        assertThat(fsrs.retrievability(10, 10)).isCloseTo(0.9, within(1e-12)); // stability is the 90 % interval
        assertThat(fsrs.interval(10)).isEqualTo(10);
        // a higher desired retention asks for earlier reviews, a lower one for later
        assertThat(new Fsrs(0.95).interval(10)).isLessThan(10);
        assertThat(new Fsrs(0.8).interval(10)).isGreaterThan(10);
        assertThat(fsrs.interval(1e9)).isEqualTo(Fsrs.MAXIMUM_INTERVAL);
        assertThat(fsrs.interval(0.01)).isEqualTo(1);
    }

    @Test
    void aLapseNeverRaisesStabilityAndSuccessNeverLowersIt() {
        Fsrs fsrs = new Fsrs(0.9);
        for (double s : new double[] { 0.5, 3, 30, 300 }) {
            for (double d : new double[] { 1, 5, 10 }) {
                for (int t : new int[] { 0, 1, 10, 100 }) {
                    Fsrs.Memory m = new Fsrs.Memory(s, d);
                    assertThat(fsrs.step(m, t, Fsrs.AGAIN).stability()).isLessThanOrEqualTo(s);
                    for (int g = Fsrs.HARD; g <= Fsrs.EASY; g++) {
                        assertThat(fsrs.step(m, t, g).stability()).isGreaterThanOrEqualTo(s);
                        assertThat(fsrs.step(m, t, g).difficulty()).isBetween(1.0, 10.0);
                    }
                }
            }
        }
    }

    @Test
    void badInputIsRefused() {
        assertThatThrownBy(() -> new Fsrs(1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Fsrs(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Fsrs(new double[19], 0.9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Fsrs(0.9).schedule(null, 0, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Fsrs(0.9).schedule(null, -1, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
