package io.qbank.review.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * One answer moves a schedule: SM-2 or FSRS, from the answer's quality (0–5, {@link Sm2#quality}). The same function
 * replays an attempts log when a learner switches scheduler, so a schedule is always what its history implies.
 */
public final class Scheduling {

    /** One answer as the scheduler sees it. */
    public record Answer(int quality, Instant answeredAt) {
    }

    private Scheduling() {
    }

    /**
     * FSRS grades from SM-2 quality: a failure (q &lt; 3) is Again; a correct answer given with low confidence (q = 3) is
     * Hard, with some confidence or slowly (q = 4) Good, with high confidence in time (q = 5) Easy.
     */
    public static int fsrsGrade(int quality) {
        if (quality < 3) {
            return Fsrs.AGAIN;
        }
        return quality == 3 ? Fsrs.HARD : quality == 4 ? Fsrs.GOOD : Fsrs.EASY;
    }

    /**
     * The schedule after {@code answer}; {@code previous} is null for the first answer to the item. No interval is longer
     * than {@code maximumIntervalDays}.
     */
    public static ScheduleState next(ScheduleState previous, Scheduler scheduler, double desiredRetention, int maximumIntervalDays,
            Answer answer) {
        int attempts = previous == null ? 1 : previous.attempts() + 1;
        boolean lapse = answer.quality() < 3;
        int lapses = (previous == null ? 0 : previous.lapses()) + (lapse ? 1 : 0);
        if (scheduler == Scheduler.SM2) {
            Sm2.State before = previous == null || previous.easinessFactor() == null ? Sm2.State.NEW
                    : new Sm2.State(previous.repetition(), previous.easinessFactor(), previous.intervalDays());
            Sm2.State after = Sm2.next(before, answer.quality(), maximumIntervalDays);
            return new ScheduleState(scheduler, after.repetition(), after.easinessFactor(), null, null, after.intervalDays(),
                    due(answer, after.intervalDays()), ReviewStatus.of(after.repetition(), after.intervalDays()), attempts, lapses,
                    answer.answeredAt());
        }
        Fsrs fsrs = new Fsrs(Fsrs.DEFAULT_WEIGHTS, desiredRetention, maximumIntervalDays);
        Fsrs.Memory memory = previous == null || previous.stability() == null ? null
                : new Fsrs.Memory(previous.stability(), previous.difficulty());
        long elapsedDays = memory == null ? 0 : Math.max(0, utcDaysBetween(previous.lastAnsweredAt(), answer.answeredAt()));
        Fsrs.Scheduled after = fsrs.schedule(memory, elapsedDays, fsrsGrade(answer.quality()));
        int repetition = lapse ? 0 : (memory == null ? 0 : previous.repetition()) + 1;
        return new ScheduleState(scheduler, repetition, null, after.memory().stability(), after.memory().difficulty(),
                after.intervalDays(), due(answer, after.intervalDays()), ReviewStatus.of(repetition, after.intervalDays()), attempts,
                lapses, answer.answeredAt());
    }

    /** The schedule that a whole history of answers (oldest first) leads to under {@code scheduler}. */
    public static ScheduleState replay(List<Answer> history, Scheduler scheduler, double desiredRetention, int maximumIntervalDays) {
        ScheduleState state = null;
        for (Answer answer : history) {
            state = next(state, scheduler, desiredRetention, maximumIntervalDays, answer);
        }
        return state;
    }

    /** Whole UTC calendar days between two instants, as the FSRS reference implementations count them. */
    static long utcDaysBetween(Instant from, Instant to) {
        return ChronoUnit.DAYS.between(from.atZone(ZoneOffset.UTC).toLocalDate(), to.atZone(ZoneOffset.UTC).toLocalDate());
    }

    private static Instant due(Answer answer, int intervalDays) {
        return answer.answeredAt().plus(Duration.ofDays(intervalDays));
    }
}
