package io.qbank.generation.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A generation job and its progress: of {@code requested} items the model wrote {@code generated}; each ended valid (a
 * draft), rejected (with reasons) or a duplicate (with its twin), as listed in {@code outcomes}.
 */
public record GenerationJob(UUID id, String state, String examCode, UUID topicId, String topic, String subtopic, int difficulty,
        int studentLevel, int requested, List<UUID> materialIds, int generated, int valid, int rejected, int duplicates,
        List<Map<String, Object>> outcomes, String model, String promptVersion, List<UUID> sourceChunkIds, String error,
        UUID requestedBy, Instant createdAt, Instant startedAt, Instant finishedAt) {

    public boolean finished() {
        return state.equals("succeeded") || state.equals("failed") || state.equals("cancelled");
    }
}
