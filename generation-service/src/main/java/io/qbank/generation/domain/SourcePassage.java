package io.qbank.generation.domain;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A passage of a source material that a job retrieved and its drafts cite. */
public record SourcePassage(
        @Schema(example = "a1c3e5f7-0b2d-4e6a-8c9f-1d3b5a7c9e02") UUID chunkId,
        @Schema(example = "4e7b1a9c-2d5f-4c83-a6e0-9b3d1f7c5a28") UUID materialId,
        @Schema(example = "Cardiology lecture 12: aortic disease") String materialTitle,
        @Schema(description = "The passage's place in its material, from 0", example = "3") int ordinal,
        @Schema(example = "Aortic dissection presents with sudden tearing chest pain radiating to the back.") String text) {
}
