package io.qbank.analytics.rest;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.qbank.analytics.repository.ReadinessQueries;

/**
 * A student's dashboard of one exam code: answers, accuracy, time per item against the exam's pace, results by topic and by
 * blueprint code, standing and readiness.
 */
public record ProgressResponse(
        @Schema(example = "STEP1") String examCode,
        @Schema(description = "Answers to the exam code's items", example = "412") long attempts,
        @Schema(example = "288") long correct,
        @Schema(nullable = true, description = "Share of the answers that were right", example = "0.699") Double accuracy,
        @Schema(nullable = true, description = "Mean time per answered item", example = "71500") Double meanTimeMs,
        @Schema(description = "The exam's pace to compare meanTimeMs with: the tenant's for this exam code, or the default", example = "90000")
        long examPaceMs,
        @Schema(description = "Results by topic, most answered first") List<TopicResult> topics,
        @Schema(description = "Results by the topics' blueprint codes, most answered first; topics without one under a null code")
        List<BlueprintResult> blueprints,
        @Schema(nullable = true, description = "Percentile rank of the student's accuracy among the tenant's students", example = "72.5")
        Double percentileRank,
        @Schema(description = "Students it is ranked among", example = "140") long peers,
        ReadinessResponse readiness) {

    public record TopicResult(
            @Schema(nullable = true, example = "6f1c2a4e-8d0b-4c39-9a51-2b7f0e3d9c10") UUID topicId,
            @Schema(nullable = true, example = "Valvular heart disease") String topic,
            @Schema(nullable = true, example = "CV-VALVE") String blueprintCode,
            @Schema(example = "40") long attempts,
            @Schema(example = "29") long correct) {

        static TopicResult of(ReadinessQueries.TopicProgress t) {
            return new TopicResult(t.topicId(), t.topicName(), t.blueprintCode(), t.attempts(), t.correct());
        }
    }

    public record BlueprintResult(
            @Schema(nullable = true, example = "CV-VALVE") String blueprintCode,
            @Schema(example = "55") long attempts,
            @Schema(example = "38") long correct) {

        /** The topics' results added up by blueprint code. */
        static List<BlueprintResult> of(List<ReadinessQueries.TopicProgress> topics) {
            Map<String, long[]> sums = new LinkedHashMap<>();
            for (var t : topics) {
                long[] sum = sums.computeIfAbsent(t.blueprintCode(), code -> new long[2]);
                sum[0] += t.attempts();
                sum[1] += t.correct();
            }
            return sums.entrySet().stream().map(e -> new BlueprintResult(e.getKey(), e.getValue()[0], e.getValue()[1]))
                    .sorted(Comparator.comparingLong(BlueprintResult::attempts).reversed()).toList();
        }
    }
}
