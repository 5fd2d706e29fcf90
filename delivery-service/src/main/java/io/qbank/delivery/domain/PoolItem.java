package io.qbank.delivery.domain;

import java.util.List;
import java.util.UUID;

import io.qbank.common.psychometrics.ItemParameters;
import io.qbank.common.psychometrics.Selectable;

/**
 * An item live in an exam's pool, with what selection and the quiz filters need: its live version, topic path,
 * difficulty, IRT parameters (calibrated, or the defaults of its author's level) and Sympson–Hetter acceptance.
 */
public record PoolItem(UUID itemId, int version, UUID topicId, List<UUID> topicPath, String difficulty, ItemParameters parameters,
        boolean calibrated, double shP) implements Selectable {
}
