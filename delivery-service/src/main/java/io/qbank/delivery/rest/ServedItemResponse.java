package io.qbank.delivery.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An item as a student sees it before answering: no key, no rationale, no explanations. */
public record ServedItemResponse(UUID quizId, int position, int length, UUID itemId, int version, String topic, String stem,
        String leadIn, List<Choice> options, Instant servedAt) {

    public record Choice(String label, String text) {
    }
}
