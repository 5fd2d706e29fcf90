package io.qbank.analytics.psychometrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Every expected value below is worked by hand in the comment beside it. */
class ClassicalStatisticsTest {

    @Test
    void facility() {
        assertThat(ClassicalStatistics.facility(3, 4)).isEqualTo(0.75);
        assertThat(ClassicalStatistics.facility(0, 0)).isNaN();
    }

    @Test
    void pointBiserialFromRunningSums() {
        // x = 1 1 0 0 1, s = .8 .6 .4 .2 .4 → n 5, Σx 3, Σs 2.4, Σs² 1.36, Σxs 1.8
        // r = (5·1.8 − 3·2.4) / √((5·3 − 9)(5·1.36 − 5.76)) = 1.8 / √(6·1.04) = 1.8 / 2.497999 = 0.720577
        assertThat(ClassicalStatistics.pointBiserial(5, 3, 2.4, 1.36, 1.8)).isCloseTo(0.720577, within(1e-6));
        // everybody right: x does not vary
        assertThat(ClassicalStatistics.pointBiserial(3, 3, 1.5, 0.9, 1.5)).isNaN();
    }

    @Test
    void kr20OfAFourItemForm() {
        // 5 examinees × 4 items:
        //   1 1 1 1 = 4;  1 1 1 0 = 3;  1 1 0 0 = 2;  1 0 0 0 = 1;  0 0 0 0 = 0
        // p = .8 .6 .4 .2 → Σpq = .16 + .24 + .24 + .16 = .8; scores mean 2, σ² = (4+1+0+1+4)/5 = 2
        // KR-20 = 4/3 · (1 − .8/2) = 0.8
        assertThat(ClassicalStatistics.kr20(5, new long[] { 4, 3, 2, 1 }, 10, 30)).isCloseTo(0.8, within(1e-12));
        assertThat(ClassicalStatistics.kr20(1, new long[] { 1, 1 }, 2, 4)).isNaN();
        assertThat(ClassicalStatistics.kr20(3, new long[] { 3, 3 }, 6, 12)).as("no variance in the totals").isNaN();
    }

    @Test
    void upperLowerIndex() {
        // 10 examinees: 27 % → groups of round(2.7) = 3.
        // criterion 1..10; correct for criterion 2, 5, 8, 9, 10 → lower {1,2,3}: 1 right; upper {8,9,10}: 3 right → D = (3 − 1)/3
        double[] criterion = { 5, 1, 9, 3, 2, 8, 4, 10, 6, 7 };
        boolean[] correct = { true, false, true, false, true, true, false, true, false, false };
        assertThat(ClassicalStatistics.upperLower(criterion, correct)).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(ClassicalStatistics.upperLower(new double[] { 1, 2, 3 }, new boolean[] { true, true, false })).isNaN();
    }

    @Test
    void percentileRank() {
        // 2 of 10 below, 1 equal → (2 + .5)/10 = 25 %
        assertThat(ClassicalStatistics.percentileRank(2, 1, 10)).isEqualTo(25.0);
    }

    @Test
    void respondentsSplitIntoLowerMiddleAndUpperGroupsByCriterion() {
        // 11 respondents: round(0.27 * 11) = 3 in each outer group; the strongest chose the key B, the weakest spread
        double[] criterion = { 0.9, 0.1, 0.5, 0.8, 0.2, 0.6, 0.4, 0.95, 0.3, 0.55, 0.05 };
        String[] selected = { "B", "A", "B", "B", "C", "B", "D", "B", "A", "C", "A" };
        boolean[] correct = new boolean[11];
        for (int i = 0; i < 11; i++) {
            correct[i] = selected[i].equals("B");
        }
        var groups = ClassicalStatistics.byGroup(new ClassicalStatistics.Scored(criterion, correct, selected));
        assertThat(groups.lower().respondents()).isEqualTo(3);
        assertThat(groups.lower().chose()).containsExactly(2, 0, 1, 0, 0);
        assertThat(groups.upper().chose()).containsExactly(0, 3, 0, 0, 0);
        assertThat(groups.upper().correct()).isEqualTo(3);
        assertThat(groups.middle().respondents()).isEqualTo(5);
        assertThat(groups.middle().chose()).containsExactly(1, 2, 1, 1, 0);
        // too few to split: all in the middle
        var few = ClassicalStatistics.byGroup(new ClassicalStatistics.Scored(new double[] { 1, 2 }, new boolean[] { true, false }, new String[] { "A", null }));
        assertThat(few.middle().respondents()).isEqualTo(2);
        assertThat(few.middle().chose()).containsExactly(1, 0, 0, 0, 0);
        assertThat(few.upper().respondents()).isZero();
    }
}
