package io.qbank.authoring.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.qbank.authoring.domain.ItemVersion;
import io.qbank.authoring.domain.VersionState;

/** One version of an item with its whole content and where it came from. */
public record VersionResponse(
        @Schema(example = "2") int version,
        @Schema(example = "published") VersionState state,
        @Schema(example = "6f1c2a4e-8d0b-4c39-9a51-2b7f0e3d9c10") UUID topicId,
        @Schema(description = "Clinical vignette (Markdown)", example = "A 72-year-old man comes to the physician because of exertional chest pain and two episodes of syncope. A harsh crescendo-decrescendo systolic murmur is heard at the right upper sternal border.") String stem,
        @Schema(example = "Which of the following is the most likely diagnosis?") String leadIn,
        List<OptionResponse> options,
        @Schema(example = "Angina, syncope and a crescendo-decrescendo murmur radiating to the carotids in an older man indicate aortic stenosis.") String rationale,
        @Schema(nullable = true, example = "Recognise calcific aortic stenosis from its presentation") String educationalObjective,
        @Schema(example = "[\"Angina, syncope and heart failure are the classic triad\"]") List<String> teachingPoints,
        @Schema(example = "hard") String difficulty,
        @Schema(example = "4") int difficultyLevel,
        @Schema(nullable = true, example = "analyze") String bloomLevel,
        @Schema(example = "[\"cardiology\", \"valves\"]") List<String> tags,
        @Schema(example = "[\"Harrison's Principles of Internal Medicine, 21e, ch. 261\"]") List<String> references,
        @Schema(example = "[\"asset:echo-aortic-stenosis-02\"]") List<String> media,
        Provenance provenance,
        @Schema(example = "7c2d9e41-3a5b-4f8c-b1d6-0e9f2a4c8b73") UUID createdBy,
        @Schema(example = "2026-11-02T10:15:00Z") Instant createdAt) {

    public record OptionResponse(
            @Schema(example = "B") String label,
            @Schema(example = "Aortic stenosis") String text,
            @Schema(example = "true") boolean correct,
            @Schema(nullable = true, description = "Why the option is right or wrong", example = "Calcific aortic stenosis causes exertional angina and syncope in older adults.") String explanation) {
    }

    /** human, or generated: by which model and prompt version, in which job, from which source chunks, judged how. */
    public record Provenance(
            @Schema(description = "human or generated", example = "generated") String kind,
            @Schema(nullable = true, example = "gpt-4o-mini") String model,
            @Schema(nullable = true, example = "nbme-v2.1") String promptVersion,
            @Schema(nullable = true, example = "4e7b1a9c-2d5f-4c83-a6e0-9b3d1f7c5a28") UUID jobId,
            @Schema(example = "[\"a1c3e5f7-0b2d-4e6a-8c9f-1d3b5a7c9e02\"]") List<UUID> sourceChunkIds,
            @Schema(nullable = true, description = "The generator's validation score, 0-1", example = "0.86") Double qualityScore,
            @Schema(example = "[\"explanation of option D is short\"]") List<String> validationNotes) {
    }

    public static VersionResponse of(ItemVersion v) {
        return new VersionResponse(v.version, v.state, v.topicId, v.stem, v.leadIn,
                v.options.stream().map(o -> new OptionResponse(o.label, o.text, o.correct, o.explanation)).toList(),
                v.rationale, v.educationalObjective, List.of(v.teachingPoints), v.difficulty, v.difficultyLevel, v.bloomLevel,
                List.of(v.tags), List.of(v.references), List.of(v.media),
                new Provenance(v.provenance, v.generationModel, v.promptVersion, v.generationJobId, List.of(v.sourceChunkIds),
                        v.qualityScore, List.of(v.validationNotes)),
                v.createdBy, v.createdAt);
    }
}
