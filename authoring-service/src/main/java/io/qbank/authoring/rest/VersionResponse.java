package io.qbank.authoring.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.qbank.authoring.domain.ItemVersion;
import io.qbank.authoring.domain.VersionState;

public record VersionResponse(int version, VersionState state, UUID topicId, String stem, String leadIn,
        List<OptionResponse> options, String rationale, String difficulty, int difficultyLevel, String provenance,
        UUID createdBy, Instant createdAt) {

    public record OptionResponse(String label, String text, boolean correct, String explanation) {
    }

    static VersionResponse of(ItemVersion v) {
        return new VersionResponse(v.version, v.state, v.topicId, v.stem, v.leadIn,
                v.options.stream().map(o -> new OptionResponse(o.label, o.text, o.correct, o.explanation)).toList(),
                v.rationale, v.difficulty, v.difficultyLevel, v.provenance, v.createdBy, v.createdAt);
    }
}
