package io.qbank.review.domain;

import java.util.List;
import java.util.UUID;

import io.qbank.common.events.ItemOption;

/** A published version of an item as review sessions serve and grade it (from {@code ItemPublished}). */
public record ItemVersion(UUID itemId, int version, String tenantId, UUID topicId, String topicName, String difficulty, String stem,
        String leadIn, List<ItemOption> options, String correctLabel, String rationale) {

    public boolean hasOption(String label) {
        return options.stream().anyMatch(o -> o.label().equals(label));
    }
}
