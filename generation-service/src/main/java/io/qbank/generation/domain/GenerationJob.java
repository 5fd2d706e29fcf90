package io.qbank.generation.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A generation job and its progress: of {@code requested} items the model wrote {@code generated}; each ended valid (a
 * draft), rejected (with reasons) or a duplicate (with its twin), as listed in {@code outcomes}.
 */
public record GenerationJob(UUID id, String state, @Schema(nullable = true) String examCode, @Schema(nullable = true) UUID topicId, @Schema(nullable = true) String topic, @Schema(nullable = true) String subtopic, int difficulty,
        int studentLevel, int requested, @Schema(nullable = true, description = "null: every material of the tenant") List<UUID> materialIds, int generated, int valid, int rejected, int duplicates,
        List<Map<String, Object>> outcomes, @Schema(nullable = true) String model, @Schema(nullable = true) String promptVersion, @Schema(description = "The passages retrieval chose; empty until the job has retrieved") List<UUID> sourceChunkIds, @Schema(nullable = true) String error,
        UUID requestedBy, @Schema(nullable = true, description = "The learner whose personal job it is; null for authors' jobs") UUID ownerId, Instant createdAt, @Schema(nullable = true) Instant startedAt, @Schema(nullable = true) Instant finishedAt) {

    public boolean finished() {
        return state.equals("succeeded") || state.equals("failed") || state.equals("cancelled");
    }
}
