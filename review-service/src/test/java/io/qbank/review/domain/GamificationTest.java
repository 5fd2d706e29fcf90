package io.qbank.review.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class GamificationTest {

    private static final LocalDate D = LocalDate.of(2026, 11, 20);

    @Test
    void levelsGrowWithTheSquareRootOfXp() {
        assertThat(Gamification.level(0)).isEqualTo(1);
        assertThat(Gamification.level(99)).isEqualTo(1);
        assertThat(Gamification.level(100)).isEqualTo(2);
        assertThat(Gamification.level(399)).isEqualTo(2);
        assertThat(Gamification.level(400)).isEqualTo(3);
        assertThat(Gamification.level(900)).isEqualTo(4);
        for (int level = 1; level < 50; level++) {
            assertThat(Gamification.level(Gamification.xpForLevel(level))).isEqualTo(level);
            assertThat(Gamification.level(Gamification.xpForLevel(level + 1) - 1)).isEqualTo(level);
        }
        assertThatThrownBy(() -> Gamification.level(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void streaksCountConsecutiveDays() {
        Gamification.Streak s = Gamification.Streak.NONE.answeredOn(D);
        assertThat(s).isEqualTo(new Gamification.Streak(1, 1, D));
        assertThat(s.answeredOn(D)).isSameAs(s); // more answers the same day
        s = s.answeredOn(D.plusDays(1)).answeredOn(D.plusDays(2));
        assertThat(s).isEqualTo(new Gamification.Streak(3, 3, D.plusDays(2)));
        assertThat(s.answeredOn(D.plusDays(1))).isSameAs(s); // a late event for a counted day
        Gamification.Streak broken = s.answeredOn(D.plusDays(4));
        assertThat(broken).isEqualTo(new Gamification.Streak(1, 3, D.plusDays(4)));
    }

    @Test
    void aStreakLastsUntilAWholeDayPassesWithoutAnswers() {
        Gamification.Streak s = new Gamification.Streak(5, 7, D);
        assertThat(s.currentOn(D)).isEqualTo(5);
        assertThat(s.currentOn(D.plusDays(1))).isEqualTo(5); // today's answer may still come
        assertThat(s.currentOn(D.plusDays(2))).isZero();
        assertThat(Gamification.Streak.NONE.currentOn(D)).isZero();
    }
}
