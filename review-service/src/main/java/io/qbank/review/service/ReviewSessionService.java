package io.qbank.review.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.qbank.common.error.ApiException;
import io.qbank.common.error.Problem;
import io.qbank.common.security.CurrentUser;
import io.qbank.review.domain.Attempt;
import io.qbank.review.domain.ItemVersion;
import io.qbank.review.domain.ReviewAnswer;
import io.qbank.review.domain.ReviewSession;
import io.qbank.review.repository.AttemptRepository;
import io.qbank.review.repository.ItemRepository;
import io.qbank.review.repository.RunningExamRepository;
import io.qbank.review.repository.ScheduleRepository;
import io.qbank.review.repository.SessionRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Review sessions: the learner's due items (or, reviewing ahead, the soonest not yet due) are planned when the session
 * starts, served one at a time without their key, and graded with the served version's key when answered.
 * <p>
 * An item may no longer be due when its answer arrives (it was answered in a quiz meanwhile, or the session reviews
 * ahead). Such an answer is accepted and recorded as an early review ({@code early = true}): it is real evidence of
 * memory, refusing it would throw that away, and both schedulers account for it (FSRS through the elapsed days,
 * SM-2 by moving on from the answer's own time).
 * <p>
 * An item that sits in the learner's running exam is neither planned, served nor graded here: its key would show
 * before the exam ends. A session skips it and serves it again once the exam has ended.
 */
@ApplicationScoped
public class ReviewSessionService {

    /** What answering a session item produced, for the response; the same on a retried answer. */
    public record Graded(ReviewSession.Entry entry, ItemVersion item, AttemptRepository.Outcome outcome) {
    }

    /** The next item to answer with its session, or only the session when it is done. */
    public record Next(ReviewSession session, ReviewSession.Entry entry, ItemVersion item, Instant nextDueAt) {
    }

    private final Pool pool;
    private final SessionRepository sessions;
    private final ScheduleRepository schedules;
    private final ItemRepository items;
    private final AttemptRepository attempts;
    private final ReviewRecorder recorder;
    private final RunningExamRepository exams;

    public ReviewSessionService(Pool pool, SessionRepository sessions, ScheduleRepository schedules, ItemRepository items,
            AttemptRepository attempts, ReviewRecorder recorder, RunningExamRepository exams) {
        this.pool = pool;
        this.sessions = sessions;
        this.schedules = schedules;
        this.items = items;
        this.attempts = attempts;
        this.recorder = recorder;
        this.exams = exams;
    }

    public Uni<Next> start(CurrentUser user, UUID topicId, boolean ahead, int limit) {
        Instant now = Instant.now();
        ReviewSession planned = new ReviewSession(UUID.randomUUID(), user.tenantId(), user.userId(), topicId, ahead, false, null, now, 0, 0);
        return pool.withTransaction(connection -> schedules.due(connection, user.tenantId(), user.userId(), now, ahead, topicId, limit, true)
                .chain(due -> sessions.create(connection, planned,
                        due.stream().map(d -> new SessionRepository.Planned(d.schedule().itemId(), d.liveVersion())).toList())))
                .chain(() -> next(user, planned.id()));
    }

    /**
     * A practice of the learner's own study set, or of one material's questions: new questions first, each graded with
     * its key and explanations at once (tutor mode), every answer scheduled like a review.
     */
    public Uni<Next> practise(CurrentUser user, UUID materialId, int limit) {
        ReviewSession planned = new ReviewSession(UUID.randomUUID(), user.tenantId(), user.userId(), null, false, true, materialId, Instant.now(), 0, 0);
        return pool.withTransaction(connection -> schedules.practice(connection, user.tenantId(), user.userId(), materialId, limit)
                .chain(items -> sessions.create(connection, planned, items)))
                .chain(() -> next(user, planned.id()));
    }

    /** Serves the first unanswered item (again, after a reconnect); when none is left, says when the next review falls due. */
    public Uni<Next> next(CurrentUser user, UUID sessionId) {
        return own(user, sessionId).chain(session -> sessions.nextUnanswered(pool, sessionId).chain(entry -> {
            if (entry == null) {
                return schedules.nextDueAfter(pool, user.tenantId(), user.userId(), Instant.now(), null)
                        .map(at -> new Next(session, null, null, at));
            }
            return sessions.markServed(pool, sessionId, entry.position(), Instant.now())
                    .chain(() -> items.version(pool, user.tenantId(), entry.itemId(), entry.version()))
                    .map(item -> new Next(session, entry, item, null));
        }));
    }

    public Uni<Graded> answer(CurrentUser user, UUID sessionId, int position, String selectedLabel, int confidence, long timeTakenMs) {
        return own(user, sessionId).chain(session -> pool.withTransaction(connection -> sessions.lockEntry(connection, sessionId, position)
                .chain(entry -> {
                    if (entry == null) {
                        throw ApiException.notFound("Position " + position + " of review session", sessionId);
                    }
                    return items.version(connection, user.tenantId(), entry.itemId(), entry.version()).chain(item -> {
                        if (entry.attemptId() != null) {
                            return attempts.outcome(connection, user.userId(), entry.attemptId()).map(outcome -> {
                                if (!outcome.selectedLabel().equals(selectedLabel)) {
                                    throw ApiException.conflict("position " + position + " was already answered with "
                                            + outcome.selectedLabel() + "; an answer cannot be changed");
                                }
                                return new Graded(entry, item, outcome);
                            });
                        }
                        if (entry.servedAt() == null) {
                            throw ApiException.conflict("position " + position + " has not been served yet: ask for the next item first");
                        }
                        return exams.holds(connection, user.tenantId(), user.userId(), item.itemId()).chain(inExam -> {
                            if (inExam) {
                                throw ApiException.conflict("this item is in your running exam; review it after the exam ends");
                            }
                            return grade(connection, user, sessionId, entry, item, selectedLabel, confidence, timeTakenMs);
                        });
                    });
                })));
    }

    /** Grades a served session item with the served version's key and records the attempt. */
    private Uni<Graded> grade(SqlConnection connection, CurrentUser user, UUID sessionId, ReviewSession.Entry entry, ItemVersion item,
            String selectedLabel, int confidence, long timeTakenMs) {
        if (!item.hasOption(selectedLabel)) {
            throw new ApiException(400, "Bad request", "option " + selectedLabel + " is not one of this item's options",
                    List.of(new Problem.Violation("selectedLabel", "must be one of " + item.options().stream().map(o -> o.label()).toList())));
        }
        ReviewAnswer answer = new ReviewAnswer(user.tenantId(), user.userId(), item.itemId(), item.version(), item.topicId(),
                item.difficulty(), selectedLabel, selectedLabel.equals(item.correctLabel()), confidence, timeTakenMs,
                Instant.now(), ReviewAnswer.Source.REVIEW, null, sessionId, item.personal());
        return recorder.record(connection, List.of(answer)).chain(made -> {
            Attempt a = made.get(0);
            return sessions.markAnswered(connection, sessionId, entry.position(), a.id())
                    .replaceWith(new Graded(entry, item, new AttemptRepository.Outcome(a.id(), selectedLabel, answer.correct(),
                            a.quality(), a.schedule().scheduler(), a.schedule().intervalDays(), a.schedule().dueAt(),
                            a.schedule().reviewStatus(), a.xpEarned(), a.early())));
        });
    }

    private Uni<ReviewSession> own(CurrentUser user, UUID sessionId) {
        return sessions.findOwn(pool, user.tenantId(), user.userId(), sessionId)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Review session", sessionId));
    }
}
