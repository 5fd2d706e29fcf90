package io.qbank.review.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * An answer to record, from delivery ({@code AnswerSubmitted}) or from a review session of this service: what the
 * learner did; the scheduler decides what follows. {@code personal}: to a question of the learner's own study set.
 */
public record ReviewAnswer(String tenantId, UUID userId, UUID itemId, int version, UUID topicId, String difficulty,
        String selectedLabel, boolean correct, int confidence, long timeTakenMs, Instant answeredAt, Source source,
        UUID sourceEventId, UUID sessionId, boolean personal) {

    public enum Source {
        DELIVERY("delivery"),
        REVIEW("review");

        public final String code;

        Source(String code) {
            this.code = code;
        }
    }

    public int quality() {
        return Sm2.quality(correct, confidence, timeTakenMs / 1000);
    }
}
