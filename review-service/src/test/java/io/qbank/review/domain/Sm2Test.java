package io.qbank.review.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

class Sm2Test {

    private static final int MAX = 36_500;

    @Test
    void qualityFollowsTheSeed() {
        // wrong: overconfident 0, somewhat confident 1, unsure 2
        assertThat(Sm2.quality(false, 5, 10)).isEqualTo(0);
        assertThat(Sm2.quality(false, 4, 10)).isEqualTo(0);
        assertThat(Sm2.quality(false, 3, 10)).isEqualTo(1);
        assertThat(Sm2.quality(false, 1, 10)).isEqualTo(2);
        // right: unsure 3, hesitant 4, confident 5; slower than 1.5 × 90 s costs one (never below 3)
        assertThat(Sm2.quality(true, 2, 10)).isEqualTo(3);
        assertThat(Sm2.quality(true, 3, 10)).isEqualTo(4);
        assertThat(Sm2.quality(true, 5, 135)).isEqualTo(5);
        assertThat(Sm2.quality(true, 5, 136)).isEqualTo(4);
        assertThat(Sm2.quality(true, 3, 200)).isEqualTo(3);
        assertThat(Sm2.quality(true, 1, 200)).isEqualTo(3);
        assertThatThrownBy(() -> Sm2.quality(true, 6, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Sm2.quality(true, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void intervalsRunOneSixThenRoundedIntervalTimesTheNewEf() {
        Sm2.State s = Sm2.State.NEW;
        s = Sm2.next(s, 5, MAX); // EF 2.6
        assertThat(s).isEqualTo(new Sm2.State(1, 2.6, 1));
        s = Sm2.next(s, 5, MAX); // EF 2.7
        assertThat(s.intervalDays()).isEqualTo(6);
        assertThat(s.easinessFactor()).isCloseTo(2.7, within(1e-9));
        s = Sm2.next(s, 4, MAX); // EF 2.7 + 0 = 2.7; round(6 × 2.7) = round(16.2) = 16
        assertThat(s.intervalDays()).isEqualTo(16);
        assertThat(s.repetition()).isEqualTo(3);
        s = Sm2.next(s, 3, MAX); // EF 2.7 − 0.14 = 2.56; round(16 × 2.56) = round(40.96) = 41
        assertThat(s.easinessFactor()).isCloseTo(2.56, within(1e-9));
        assertThat(s.intervalDays()).isEqualTo(41);
        assertThat(ReviewStatus.of(s.repetition(), s.intervalDays())).isEqualTo("mastered");
    }

    @Test
    void halvesRoundUpWithTheNewEf() {
        // EF 2.5 at q=4 stays 2.5; 5 × 2.5 = 12.5 → 13
        assertThat(Sm2.next(new Sm2.State(2, 2.5, 5), 4, MAX).intervalDays()).isEqualTo(13);
    }

    @Test
    void theEfRisesAbove25WithoutCeilingAndNeverFallsBelow13() {
        Sm2.State s = Sm2.State.NEW;
        for (int i = 0; i < 10; i++) {
            s = Sm2.next(s, 5, MAX);
        }
        assertThat(s.easinessFactor()).isCloseTo(3.5, within(1e-9)); // the seed's 2.5 cap was a defect
        for (int i = 0; i < 20; i++) {
            s = Sm2.next(s, 0, MAX);
        }
        assertThat(s.easinessFactor()).isEqualTo(1.3);
    }

    @Test
    void aFailureResetsRepetitionAndIntervalButStillMovesTheEf() {
        Sm2.State s = Sm2.next(new Sm2.State(4, 2.5, 30), 2, MAX); // EF 2.5 − 0.32 = 2.18
        assertThat(s.repetition()).isZero();
        assertThat(s.intervalDays()).isEqualTo(1);
        assertThat(s.easinessFactor()).isCloseTo(2.18, within(1e-9));
        assertThat(ReviewStatus.of(s.repetition(), s.intervalDays())).isEqualTo("new");
    }

    @Test
    void propertiesOverRandomHistories() {
        Random random = new Random(11);
        for (int run = 0; run < 2_000; run++) {
            Sm2.State s = Sm2.State.NEW;
            int lastInterval = 0;
            boolean streak = true;
            for (int step = 0; step < 30; step++) {
                int q = random.nextInt(6);
                Sm2.State next = Sm2.next(s, q, MAX);
                assertThat(next.easinessFactor()).isGreaterThanOrEqualTo(1.3);
                if (q < 3) {
                    assertThat(next.intervalDays()).isEqualTo(1);
                    assertThat(next.repetition()).isZero();
                    streak = true;
                    lastInterval = 1;
                } else {
                    if (!streak) {
                        assertThat(next.intervalDays()).isGreaterThanOrEqualTo(lastInterval);
                    }
                    streak = false;
                    lastInterval = next.intervalDays();
                    assertThat(next.repetition()).isEqualTo(s.repetition() + 1);
                }
                s = next;
            }
        }
    }

    @Test
    void theIntervalStopsAtTheMaximumAndStaysThere() {
        Sm2.State s = Sm2.State.NEW;
        int previous = 0;
        for (int i = 0; i < 200; i++) {
            s = Sm2.next(s, 5, MAX);
            assertThat(s.intervalDays()).isBetween(previous, MAX);
            previous = s.intervalDays();
        }
        assertThat(s.intervalDays()).isEqualTo(MAX);
        assertThat(s.repetition()).isEqualTo(200);
        // a smaller maximum, and a failure still brings it back to one day
        assertThat(Sm2.next(new Sm2.State(5, 2.5, 90), 5, 100).intervalDays()).isEqualTo(100);
        assertThat(Sm2.next(new Sm2.State(5, 2.5, 90), 5, 1_000).intervalDays()).isEqualTo(234);
        assertThat(Sm2.next(new Sm2.State(5, 2.5, MAX), 0, MAX).intervalDays()).isEqualTo(1);
    }

    @Test
    void statusAndXpFollowTheSeed() {
        assertThat(ReviewStatus.of(0, 1)).isEqualTo("new");
        assertThat(ReviewStatus.of(2, 6)).isEqualTo("learning");
        assertThat(ReviewStatus.of(3, 20)).isEqualTo("reviewing");
        assertThat(ReviewStatus.of(3, 21)).isEqualTo("mastered");
        assertThat(Gamification.xp("easy", false, 5)).isEqualTo(10);
        assertThat(Gamification.xp("medium", true, 3)).isEqualTo(20);
        assertThat(Gamification.xp("hard", true, 4)).isEqualTo(28);
        assertThat(Gamification.xp("nbme", true, 5)).isEqualTo(33);
    }
}
