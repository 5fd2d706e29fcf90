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

    /** Keys and explanations may be shown: at once in tutor mode, after the end in exam mode. */
    public boolean keysVisible() {
        return TUTOR.equals(mode) || !isActive();
    }

    /** An item is waiting for its answer (a reconnect gets it again). */
    public boolean awaitsAnswer() {
        return served > answered;
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

    /** The quiz after one more answer: its score, the updated posterior and ability, completed when {@link #completeAfter} says so. */
    public Quiz answered(boolean wasCorrect, double[] newPosterior, double newTheta, double newSe, Instant at) {
        boolean complete = completeAfter(answered + 1, newSe);
        return new Quiz(id, tenantId, userId, examCode, mode, adaptive, length, timeLimitSeconds, filters, quotas, seTarget,
                complete ? COMPLETED : ACTIVE, served, answered + 1, correct + (wasCorrect ? 1 : 0), newTheta, newSe, newPosterior,
                servedItemIds, setAsideItemIds, startedAt, expiresAt, complete ? at : null, rowVersion + 1);
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
