package io.qbank.authoring.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.qbank.authoring.domain.ItemVersion;
import io.qbank.authoring.domain.VersionState;

/** One version of an item with its whole content and where it came from. */
public record VersionResponse(int version, VersionState state, UUID topicId, String stem, String leadIn,
        List<OptionResponse> options, String rationale, String educationalObjective, List<String> teachingPoints,
        String difficulty, int difficultyLevel, String bloomLevel, List<String> tags, List<String> references,
        List<String> media, Provenance provenance, UUID createdBy, Instant createdAt) {

    public record OptionResponse(String label, String text, boolean correct, String explanation) {
    }

    /** human, or generated: by which model and prompt version, in which job, from which source chunks, judged how. */
    public record Provenance(String kind, String model, String promptVersion, UUID jobId, List<UUID> sourceChunkIds,
            Double qualityScore, List<String> validationNotes) {
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
