package io.qbank.authoring.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One row of the item list: the item with its latest version's headline facts. */
public record ItemSummary(
        @Schema(example = "3f9a1c2e-5b7d-4e81-9c0a-6d2b8e4f1a37") UUID id,
        @Schema(example = "3") int latestVersion,
        @Schema(nullable = true, description = "Null if no version is published", example = "2") Integer liveVersion,
        @Schema(description = "The newest version's state", example = "in_review") String state,
        @Schema(example = "6f1c2a4e-8d0b-4c39-9a51-2b7f0e3d9c10") UUID topicId,
        @Schema(example = "Valvular heart disease") String topicName,
        @Schema(description = "The stem's first 280 characters", example = "A 72-year-old man comes to the physician because of exertional chest pain and two episodes of syncope.") String stemPreview,
        @Schema(example = "Which of the following is the most likely diagnosis?") String leadIn,
        @Schema(example = "hard") String difficulty,
        @Schema(example = "4") int difficultyLevel,
        @Schema(example = "[\"cardiology\", \"valves\"]") List<String> tags,
        @Schema(description = "human or generated", example = "human") String provenance,
        @Schema(example = "7c2d9e41-3a5b-4f8c-b1d6-0e9f2a4c8b73") UUID authorId,
        @Schema(description = "Where the live version is published", example = "[\"STEP1\"]") List<String> examCodes,
        @Schema(description = "Flags not yet resolved", example = "1") int openFlags,
        @Schema(example = "2026-11-02T10:15:00Z") Instant createdAt,
        @Schema(example = "2026-11-30T14:05:00Z") Instant updatedAt) {
}
