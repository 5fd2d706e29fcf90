package io.qbank.delivery.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A student's quiz on one exam code, as stored: its settings, its progress, the ability posterior after the last
 * answer, and the items served or set aside by exposure control (never offered again in this quiz). Every change
 * is guarded by {@code rowVersion}, so two requests racing on one quiz never both apply.
 */
public record Quiz(UUID id, String tenantId, UUID userId, String examCode, String mode, boolean adaptive, int length,
        Integer timeLimitSeconds, QuizFilters filters, List<Quota> quotas, Double seTarget, String status, int served, int answered,
        int correct, double theta, double se, double[] posterior, List<UUID> servedItemIds, List<UUID> setAsideItemIds,
        Instant startedAt, Instant expiresAt, Instant completedAt, long rowVersion) {

    public static final String TUTOR = "tutor";
    public static final String EXAM = "exam";
    public static final String ACTIVE = "active";
    public static final String COMPLETED = "completed";
    public static final String EXPIRED = "expired";

    public boolean isActive() {
        return ACTIVE.equals(status);
    }

    public boolean timeIsUp(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    public boolean isExam() {
        return EXAM.equals(mode);
    }

    /**
     * A linear exam is a block as in the real exam: the student moves freely between the served positions, may leave one
     * unanswered and come back, and may change an answer until the block ends (finished or expired). Every other quiz is
     * forward-only: each position is answered before the next is served, and an answer is final.
     */
    public boolean navigable() {
        return isExam() && !adaptive;
    }

    /** Score and ability may be shown: in tutor mode as they stand, in exam mode only after the end. */
    public boolean keysVisible() {
        return !isExam() || !isActive();
    }

    /** The key, explanations and correctness of one position: in tutor mode once it is answered, in exam mode after the end. */
    public boolean keyVisible(ServedItem item) {
        return !isActive() || !isExam() && item.answer() != null;
    }

    /** A forward-only quiz's current item is waiting for its answer (a reconnect gets it again). */
    public boolean awaitsAnswer() {
        return !navigable() && served > answered;
    }

    /**
     * An exam whose answers say it is complete but that has not ended yet: its final answer was recorded and the end (which
     * publishes the exam's answers) did not follow, after a crash between the two writes. Ended at the next request.
     */
    public boolean completeButActive() {
        return isActive() && isExam() && !navigable() && answered > 0 && completeAfter(answered, se);
    }

    /** The quiz after serving an item at the next position (and setting aside the items exposure control refused). */
    public Quiz serving(UUID itemId, List<UUID> setAside, List<Quota> newQuotas) {
        List<UUID> servedNow = new java.util.ArrayList<>(servedItemIds);
        servedNow.add(itemId);
        List<UUID> asideNow = new java.util.ArrayList<>(setAsideItemIds);
        asideNow.addAll(setAside);
        return new Quiz(id, tenantId, userId, examCode, mode, adaptive, length, timeLimitSeconds, filters, newQuotas, seTarget, status,
                served + 1, answered, correct, theta, se, posterior, List.copyOf(servedNow), List.copyOf(asideNow), startedAt, expiresAt,
                completedAt, rowVersion + 1);
    }

    /** The quiz ended (completed or expired) at the given time. */
    public Quiz ended(String newStatus, Instant at) {
        return new Quiz(id, tenantId, userId, examCode, mode, adaptive, length, timeLimitSeconds, filters, quotas, seTarget, newStatus, served,
                answered, correct, theta, se, posterior, servedItemIds, setAsideItemIds, startedAt, expiresAt, at, rowVersion + 1);
    }

    /**
     * The quiz after one more answer: its score, the updated posterior and ability, completed when {@link #completeAfter}
     * says so. A linear exam is never completed by an answer: the student ends the block (or its time does).
     */
    public Quiz answered(boolean wasCorrect, double[] newPosterior, double newTheta, double newSe, Instant at) {
        boolean complete = !navigable() && completeAfter(answered + 1, newSe);
        return new Quiz(id, tenantId, userId, examCode, mode, adaptive, length, timeLimitSeconds, filters, quotas, seTarget,
                complete ? COMPLETED : ACTIVE, served, answered + 1, correct + (wasCorrect ? 1 : 0), newTheta, newSe, newPosterior,
                servedItemIds, setAsideItemIds, startedAt, expiresAt, complete ? at : null, rowVersion + 1);
    }

    /** The quiz with an answer changed (a linear exam): its score and the ability recomputed from the final answers. */
    public Quiz changed(int newCorrect, double[] newPosterior, double newTheta, double newSe) {
        return new Quiz(id, tenantId, userId, examCode, mode, adaptive, length, timeLimitSeconds, filters, quotas, seTarget, status, served,
                answered, newCorrect, newTheta, newSe, newPosterior, servedItemIds, setAsideItemIds, startedAt, expiresAt, completedAt,
                rowVersion + 1);
    }

    /** The quiz as its answer statement stores it when the end follows as a write of its own (an exam's last answer). */
    public Quiz stillActive() {
        return new Quiz(id, tenantId, userId, examCode, mode, adaptive, length, timeLimitSeconds, filters, quotas, seTarget, ACTIVE, served,
                answered, correct, theta, se, posterior, servedItemIds, setAsideItemIds, startedAt, expiresAt, null, rowVersion);
    }

    /**
     * Whether the quiz is complete after an answer: at its length, or once the ability is measured precisely enough
     * (SE at or below the requested target) with every blueprint quota met.
     */
    public boolean completeAfter(int answeredNow, double seNow) {
        if (answeredNow >= length) {
            return true;
        }
        return seTarget != null && seNow <= seTarget && quotas.stream().allMatch(q -> q.served() >= q.required());
    }
}
