package io.qbank.generation.rest;

import java.time.Instant;
import java.util.UUID;

import io.qbank.generation.domain.SourceMaterial;

/** @param embeddingState pending while chunks are being embedded (see embeddedChunks), then ready; only ready chunks are retrieved */
public record MaterialResponse(UUID id, String title, String contentType, int sizeChars, int chunkCount, UUID ownerId,
        Instant createdAt, String embeddingState, int embeddedChunks) {
    static MaterialResponse of(SourceMaterial m) {
        return new MaterialResponse(m.id, m.title, m.contentType, m.sizeChars, m.chunkCount, m.ownerId, m.createdAt, m.embeddingState,
                m.embeddedChunks);
    }
}
