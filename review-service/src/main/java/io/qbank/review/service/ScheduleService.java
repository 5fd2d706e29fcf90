package io.qbank.review.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.qbank.common.error.ApiException;
import io.qbank.common.events.AnswerSubmitted;
import io.qbank.common.events.ReviewRecorded;
import io.qbank.common.outbox.OutboxWriter;
import io.qbank.common.security.CurrentUser;
import io.qbank.review.domain.ReviewAttempt;
import io.qbank.review.domain.ReviewSchedule;
import io.qbank.review.domain.Sm2;
import io.qbank.review.repository.AttemptRepository;
import io.qbank.review.repository.ScheduleRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Schedules from answers: every answer is logged and moves the (tenant, user, item) schedule by SM-2. */
@ApplicationScoped
public class ScheduleService {

    /** Delivery's confidence is optional; without it an answer counts as neutral (3), neither sure nor guessed. */
    static final int NEUTRAL_CONFIDENCE = 3;

    private final ScheduleRepository schedules;
    private final AttemptRepository attempts;
    private final OutboxWriter outbox;
    private final MeterRegistry registry;

    public ScheduleService(ScheduleRepository schedules, AttemptRepository attempts, OutboxWriter outbox, MeterRegistry registry) {
        this.schedules = schedules;
        this.attempts = attempts;
        this.outbox = outbox;
        this.registry = registry;
    }

    /** Applies a delivery answer; runs inside the consumer's transaction (with its processed-event row). */
    public Uni<ReviewSchedule> recordDeliveryAnswer(UUID eventId, AnswerSubmitted answer) {
        int confidence = answer.confidence() == null ? NEUTRAL_CONFIDENCE : answer.confidence();
        return schedules.findOwn(answer.tenantId(), answer.userId(), answer.itemId()).chain(existing -> {
            ReviewSchedule schedule = existing != null ? existing : newSchedule(answer);
            int quality = Sm2.quality(answer.correct(), confidence, answer.timeTakenMs() / 1000);
            Sm2.State next = Sm2.next(schedule.sm2State(), quality);
            Instant at = answer.answeredAt();
            schedule.version = answer.version();
            schedule.topicId = answer.topicId();
            schedule.repetition = next.repetition();
            schedule.easinessFactor = next.easinessFactor();
            schedule.intervalDays = next.intervalDays();
            schedule.dueAt = at.plus(Duration.ofDays(next.intervalDays()));
            schedule.reviewStatus = Sm2.status(next);
            schedule.attempts++;
            schedule.lapses += quality < 3 ? 1 : 0;
            schedule.lastAnsweredAt = at;

            ReviewAttempt attempt = new ReviewAttempt();
            attempt.userId = answer.userId();
            attempt.id = UUID.randomUUID();
            attempt.tenantId = answer.tenantId();
            attempt.itemId = answer.itemId();
            attempt.version = answer.version();
            attempt.source = "delivery";
            attempt.sourceEventId = eventId;
            attempt.selectedLabel = answer.selectedLabel();
            attempt.correct = answer.correct();
            attempt.confidence = (short) confidence;
            attempt.timeTakenMs = answer.timeTakenMs();
            attempt.quality = (short) quality;
            attempt.xpEarned = Sm2.xp(answer.difficulty(), answer.correct(), confidence);
            attempt.scheduler = schedule.scheduler;
            attempt.sm2Interval = next.intervalDays();
            attempt.sm2EasinessFactor = next.easinessFactor();
            attempt.sm2Repetition = next.repetition();
            attempt.nextReviewAt = schedule.dueAt;
            attempt.reviewStatus = schedule.reviewStatus;
            attempt.answeredAt = at;

            Uni<ReviewSchedule> saved = existing != null ? Uni.createFrom().item(schedule) : schedules.persist(schedule);
            return saved.chain(() -> attempts.persist(attempt))
                    .chain(() -> outbox.append(answer.tenantId(), answer.userId().toString(), answer.itemId().toString(),
                            new ReviewRecorded(attempt.id, answer.tenantId(), answer.userId(), answer.itemId(), answer.version(),
                                    schedule.scheduler, quality, answer.correct(), next.intervalDays(), schedule.dueAt, "delivery",
                                    at)))
                    .invoke(() -> registry.counter("qbank.reviews.recorded", "source", "delivery").increment())
                    .replaceWith(schedule);
        });
    }

    private static ReviewSchedule newSchedule(AnswerSubmitted answer) {
        ReviewSchedule s = new ReviewSchedule();
        s.tenantId = answer.tenantId();
        s.userId = answer.userId();
        s.itemId = answer.itemId();
        s.repetition = Sm2.State.NEW.repetition();
        s.easinessFactor = Sm2.State.NEW.easinessFactor();
        s.intervalDays = Sm2.State.NEW.intervalDays();
        return s;
    }

    @WithSession
    public Uni<ReviewSchedule> get(CurrentUser user, UUID itemId) {
        return schedules.findOwn(user.tenantId(), user.userId(), itemId)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Schedule for item", itemId));
    }

    @WithSession
    public Uni<List<ReviewSchedule>> list(CurrentUser user, int page, int size) {
        return schedules.listOwn(user.tenantId(), user.userId(), page, size);
    }

    @WithSession
    public Uni<List<ReviewSchedule>> due(CurrentUser user, int limit) {
        return schedules.due(user.tenantId(), user.userId(), Instant.now(), limit);
    }
}
