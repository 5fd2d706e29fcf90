package io.qbank.delivery.domain;

import java.util.UUID;

import io.qbank.common.psychometrics.ItemParameters;

/** An item eligible for the next position of a quiz, with what selection needs to rank it. */
public record Candidate(UUID itemId, int version, UUID topicId, double a, double b, double c, double shP) {
    public ItemParameters parameters() {
        return new ItemParameters(a, b, c);
    }
}
