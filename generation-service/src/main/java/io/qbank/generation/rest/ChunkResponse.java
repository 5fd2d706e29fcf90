package io.qbank.generation.rest;

import java.util.UUID;

import io.qbank.generation.domain.MaterialChunk;

public record ChunkResponse(UUID id, int ordinal, int startOffset, int endOffset, String text) {
    static ChunkResponse of(MaterialChunk c) {
        return new ChunkResponse(c.id, c.ordinal, c.startOffset, c.endOffset, c.text);
    }
}
