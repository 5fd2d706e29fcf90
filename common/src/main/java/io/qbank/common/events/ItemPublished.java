package io.qbank.common.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A version of an item is live for the given exam codes of a tenant. Carries everything a consumer needs
 * to serve, grade and explain it, so no consumer ever calls authoring. Published again, with the same version,
 * when its topic is renamed or moved. Key: item id; topic {@code qbank.items.v1}.
 */
@RegisterForReflection
public record ItemPublished(
        UUID itemId,
        int version,
        String tenantId,
        List<String> examCodes,
        UUID topicId,
        String topicName,
        String blueprintCode,
        String stem,
        String leadIn,
        List<ItemOption> options,
        String correctLabel,
        String rationale,
        String difficulty,
        Integer difficultyLevel,
        Instant publishedAt,
        /** topic ids from the root of the tree down to {@code topicId}, for subtree filters */
        List<UUID> topicPath,
        String educationalObjective,
        List<String> teachingPoints,
        String bloomLevel,
        List<String> tags,
        List<String> references,
        List<String> media,
        /** human or generated */
        String provenance) {
}
