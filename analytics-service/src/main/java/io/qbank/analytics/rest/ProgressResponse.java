package io.qbank.analytics.rest;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.qbank.analytics.repository.ReadinessQueries;

/** A student's dashboard of one exam code: answers, accuracy, time per item, results by topic, standing and readiness. */
public record ProgressResponse(
        @Schema(example = "STEP1") String examCode,
        @Schema(description = "Answers to the exam code's items", example = "412") long attempts,
        @Schema(example = "288") long correct,
        @Schema(nullable = true, description = "Share of the answers that were right", example = "0.699") Double accuracy,
        @Schema(nullable = true, description = "Mean time per answered item", example = "71500") Double meanTimeMs,
        @Schema(description = "Results by topic, most answered first") List<TopicResult> topics,
        @Schema(nullable = true, description = "Percentile rank of the student's accuracy among the tenant's students", example = "72.5")
        Double percentileRank,
        @Schema(description = "Students it is ranked among", example = "140") long peers,
        ReadinessResponse readiness) {

    public record TopicResult(
            @Schema(nullable = true, example = "6f1c2a4e-8d0b-4c39-9a51-2b7f0e3d9c10") UUID topicId,
            @Schema(nullable = true, example = "Valvular heart disease") String topic,
            @Schema(example = "40") long attempts,
            @Schema(example = "29") long correct) {

        static TopicResult of(ReadinessQueries.TopicProgress t) {
            return new TopicResult(t.topicId(), t.topicName(), t.attempts(), t.correct());
        }
    }
}
