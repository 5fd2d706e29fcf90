package io.qbank.delivery.domain;

import java.util.List;
import java.util.UUID;

import io.qbank.common.events.ItemOption;

/** One published version of an item as served and graded: immutable, kept after retirement for results and grading. */
public record ItemContent(UUID itemId, int version, String tenantId, UUID topicId, String topicName, String stem, String leadIn,
        List<ItemOption> options, String correctLabel, String rationale, String difficulty, Integer difficultyLevel) {

    public boolean hasOption(String label) {
        return options.stream().anyMatch(o -> o.label().equals(label));
    }
}
