package io.qbank.common.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A validated, de-duplicated generated item for authors to review; never published by itself. Key: job id. */
@RegisterForReflection
public record DraftGenerated(
        UUID draftId,
        UUID jobId,
        String tenantId,
        UUID requestedBy,
        String examCode,
        UUID topicId,
        String topicName,
        String stem,
        String leadIn,
        List<ItemOption> options,
        String rationale,
        String difficulty,
        Integer difficultyLevel,
        String model,
        String promptVersion,
        List<UUID> sourceChunkIds,
        double qualityScore,
        List<String> validationNotes,
        Instant generatedAt) {
}
