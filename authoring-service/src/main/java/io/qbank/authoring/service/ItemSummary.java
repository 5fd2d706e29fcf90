package io.qbank.authoring.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One row of the item list: the item with its latest version's headline facts. */
public record ItemSummary(UUID id, int latestVersion, Integer liveVersion, String state, UUID topicId, String topicName,
        String stemPreview, String leadIn, String difficulty, int difficultyLevel, List<String> tags, String provenance,
        UUID authorId, List<String> examCodes, int openFlags, Instant createdAt, Instant updatedAt) {
}
