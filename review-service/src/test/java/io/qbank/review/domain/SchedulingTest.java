package io.qbank.review.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SchedulingTest {

    private static final int MAX = 36_500;

    private static final Instant T0 = Instant.parse("2026-11-01T09:00:00Z");

    @Test
    void fsrsGradesFollowQuality() {
        assertThat(List.of(0, 1, 2, 3, 4, 5).stream().map(Scheduling::fsrsGrade).toList())
                .containsExactly(Fsrs.AGAIN, Fsrs.AGAIN, Fsrs.AGAIN, Fsrs.HARD, Fsrs.GOOD, Fsrs.EASY);
    }

    @Test
    void sm2ThroughSchedulingIsTheContractsSm2() {
        ScheduleState s = Scheduling.next(null, Scheduler.SM2, 0.9, MAX, new Scheduling.Answer(5, T0));
        assertThat(s.easinessFactor()).isEqualTo(2.6, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(s.intervalDays()).isEqualTo(1);
        assertThat(s.dueAt()).isEqualTo(T0.plus(Duration.ofDays(1)));
        assertThat(s.stability()).isNull();
        s = Scheduling.next(s, Scheduler.SM2, 0.9, MAX, new Scheduling.Answer(4, T0.plus(Duration.ofDays(1))));
        assertThat(s.intervalDays()).isEqualTo(6);
        assertThat(s.repetition()).isEqualTo(2);
        assertThat(s.reviewStatus()).isEqualTo("learning");
        s = Scheduling.next(s, Scheduler.SM2, 0.9, MAX, new Scheduling.Answer(1, T0.plus(Duration.ofDays(7))));
        assertThat(s.repetition()).isZero();
        assertThat(s.intervalDays()).isEqualTo(1);
        assertThat(s.lapses()).isEqualTo(1);
        assertThat(s.attempts()).isEqualTo(3);
        assertThat(s.reviewStatus()).isEqualTo("new");
    }

    @Test
    void fsrsThroughSchedulingCountsWholeUtcDaysAndMatchesFsrs() {
        Fsrs fsrs = new Fsrs(0.9);
        // good at 23:30 UTC, good again 1 h later: a new UTC day, so one elapsed day
        Instant first = Instant.parse("2026-11-01T23:30:00Z");
        Instant second = first.plus(Duration.ofHours(1));
        ScheduleState s = Scheduling.next(null, Scheduler.FSRS, 0.9, MAX, new Scheduling.Answer(4, first));
        ScheduleState t = Scheduling.next(s, Scheduler.FSRS, 0.9, MAX, new Scheduling.Answer(4, second));
        Fsrs.Scheduled expected = fsrs.schedule(new Fsrs.Memory(s.stability(), s.difficulty()), 1, Fsrs.GOOD);
        assertThat(t.stability()).isEqualTo(expected.memory().stability());
        assertThat(t.intervalDays()).isEqualTo(expected.intervalDays());
        assertThat(t.easinessFactor()).isNull();
        assertThat(t.repetition()).isEqualTo(2);
        assertThat(Scheduling.utcDaysBetween(first, second)).isEqualTo(1);
        assertThat(Scheduling.utcDaysBetween(T0, T0.plus(Duration.ofHours(14)))).isZero();
    }

    @Test
    void aLowerDesiredRetentionGivesLongerFsrsIntervals() {
        List<Scheduling.Answer> history = List.of(new Scheduling.Answer(4, T0), new Scheduling.Answer(4, T0.plus(Duration.ofDays(3))),
                new Scheduling.Answer(5, T0.plus(Duration.ofDays(12))));
        int at90 = Scheduling.replay(history, Scheduler.FSRS, 0.9, MAX).intervalDays();
        int at80 = Scheduling.replay(history, Scheduler.FSRS, 0.8, MAX).intervalDays();
        int at97 = Scheduling.replay(history, Scheduler.FSRS, 0.97, MAX).intervalDays();
        assertThat(at80).isGreaterThan(at90);
        assertThat(at97).isLessThan(at90);
    }

    @Test
    void replayIsTheFoldOfNextAndSwitchingBackRestoresTheSameState() {
        List<Scheduling.Answer> history = new ArrayList<>();
        int[] qualities = { 5, 4, 2, 3, 5, 5, 0, 4 };
        Instant at = T0;
        for (int q : qualities) {
            history.add(new Scheduling.Answer(q, at));
            at = at.plus(Duration.ofDays(3));
        }
        ScheduleState folded = null;
        for (Scheduling.Answer a : history) {
            folded = Scheduling.next(folded, Scheduler.SM2, 0.9, MAX, a);
        }
        ScheduleState sm2 = Scheduling.replay(history, Scheduler.SM2, 0.9, MAX);
        assertThat(sm2).isEqualTo(folded);
        ScheduleState fsrs = Scheduling.replay(history, Scheduler.FSRS, 0.9, MAX);
        assertThat(fsrs.scheduler()).isEqualTo(Scheduler.FSRS);
        assertThat(fsrs.attempts()).isEqualTo(sm2.attempts()).isEqualTo(8);
        assertThat(fsrs.lapses()).isEqualTo(sm2.lapses()).isEqualTo(2);
        assertThat(fsrs.lastAnsweredAt()).isEqualTo(sm2.lastAnsweredAt());
        assertThat(Scheduling.replay(history, Scheduler.SM2, 0.9, MAX)).isEqualTo(sm2);
    }

    @Test
    void twoHundredPerfectAnswersNeverPassTheMaximumInterval() {
        for (Scheduler scheduler : Scheduler.values()) {
            ScheduleState s = null;
            Instant at = T0;
            for (int i = 0; i < 200; i++) {
                s = Scheduling.next(s, scheduler, 0.9, MAX, new Scheduling.Answer(5, at));
                assertThat(s.intervalDays()).as(scheduler + " answer " + (i + 1)).isBetween(1, MAX);
                assertThat(s.dueAt()).isEqualTo(at.plus(Duration.ofDays(s.intervalDays())));
                at = s.dueAt(); // answered when due
            }
            assertThat(s.intervalDays()).as(scheduler.code()).isEqualTo(MAX);
            assertThat(s.lapses()).isZero();
            assertThat(s.attempts()).isEqualTo(200);
        }
        ScheduleState capped = null;
        for (int i = 0; i < 20; i++) {
            capped = Scheduling.next(capped, Scheduler.FSRS, 0.9, 30, new Scheduling.Answer(5, T0.plus(Duration.ofDays(30L * i))));
        }
        assertThat(capped.intervalDays()).isEqualTo(30);
    }
}
