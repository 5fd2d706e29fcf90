package io.qbank.review.domain;

import java.util.List;
import java.util.UUID;

import io.qbank.common.events.ItemOption;

/**
 * A version of an item as review sessions serve and grade it: published ({@code ItemPublished}), or a question of a
 * learner's personal study set ({@code PersonalItemChanged}, {@code ownerId} is that learner).
 */
public record ItemVersion(UUID itemId, int version, String tenantId, UUID topicId, String topicName, String difficulty, String stem,
        String leadIn, List<ItemOption> options, String correctLabel, String rationale, UUID ownerId) {

    public boolean personal() {
        return ownerId != null;
    }

    public boolean hasOption(String label) {
        return options.stream().anyMatch(o -> o.label().equals(label));
    }
}
