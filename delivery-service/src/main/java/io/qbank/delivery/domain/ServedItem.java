package io.qbank.delivery.domain;

import java.time.Instant;
import java.util.UUID;

/** The item version served at a position of a quiz, and the answer to it once given. */
public record ServedItem(UUID quizId, int position, UUID itemId, int version, UUID topicId, double thetaBefore, Instant servedAt,
        Answer answer) {

    /** A recorded answer, graded with the served version's key. */
    public record Answer(UUID responseId, String selectedLabel, boolean correct, Integer confidence, long timeTakenMs,
            double thetaAfter, double seAfter, Instant answeredAt) {
    }
}
