package io.qbank.common.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A learner proposes a question of their personal study set to their tenant's authors: a copy of it becomes a draft in
 * authoring ({@code proposalId} is its item id), with its provenance — who proposed it, from which of their materials,
 * written by which model — and goes through review like any draft; it is never published without a publisher. Key: the
 * personal job's id.
 */
@RegisterForReflection
public record PersonalItemProposed(
        UUID proposalId,
        UUID personalItemId,
        String tenantId,
        UUID proposedBy,
        List<String> materialTitles,
        String topicName,
        String stem,
        String leadIn,
        List<ItemOption> options,
        String rationale,
        String difficulty,
        Integer difficultyLevel,
        String model,
        String promptVersion,
        double qualityScore,
        List<String> validationNotes,
        Instant proposedAt) {
}
