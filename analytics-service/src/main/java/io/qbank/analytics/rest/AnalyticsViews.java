package io.qbank.analytics.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The table views of the analytics API (JSON, or CSV with {@code Accept: text/csv}). A statistic that is undefined
 * for the data (no attempts, no variance) is null, never NaN.
 */
public final class AnalyticsViews {

    private AnalyticsViews() {
    }

    /** null for NaN. */
    public static Double defined(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? null : value;
    }

    /** A student's cohort: their answers count in it from {@code assignedAt} on. */
    public record CohortMember(@Schema(example = "3f681c3a-f999-4bec-a099-a659cce105ba") UUID userId, @Schema(example = "class-2027") String cohort,
            @Schema(example = "2026-12-07T10:15:00Z") Instant assignedAt) {
    }

    public record CohortDay(LocalDate day, String cohort, long attempts, long correct, @Schema(nullable = true) Double accuracy, long activeUsers,
            double meanTimeMs) {
    }

    /**
     * @param pValue        facility: share correct
     * @param pointBiserial correlation of the item with the rest score of linear quizzes
     * @param upperLower    D = p(top 27 %) − p(bottom 27 %) by rest score; only on the single-item view
     * @param scored        responses from linear quizzes that carry a rest score
     * @param exposureRate  highest share, over the item's exams, of quizzes that served it
     */
    public record ItemStatistics(UUID itemId, int version, String topic, String correctLabel, long attempts, @Schema(nullable = true) Double pValue,
            @Schema(nullable = true) Double pointBiserial, @Schema(nullable = true) Double upperLower, long scored, long choseA, long choseB, long choseC, long choseD, long choseE,
            @Schema(nullable = true) Double meanTimeMs, long flags, @Schema(nullable = true) Double exposureRate,
            @Schema(description = "The share of quizzes the item may appear in: its exposure-control target, else the tenant's default", example = "0.25") double exposureTarget,
            @Schema(description = "The number of options the item has (4 or 5)", example = "4") int optionCount,
            @Schema(nullable = true, description = "Null until calibrated", example = "3PL") String irtModel,
            @Schema(nullable = true, description = "IRT discrimination", example = "1.2") Double a,
            @Schema(nullable = true, description = "IRT difficulty", example = "0.4") Double b,
            @Schema(nullable = true, description = "IRT guessing (0 for 2PL)", example = "0.18") Double c,
            @Schema(nullable = true, example = "0.11") Double seA, @Schema(nullable = true, example = "0.09") Double seB,
            @Schema(nullable = true, example = "0.04") Double seC,
            @Schema(nullable = true, description = "Responses the calibration used", example = "412") Integer calibratedRespondents,
            @Schema(description = "Why the item needs a look, if it does", example = "[\"nobody picks D\"]") List<String> attention) {

        public ItemStatistics withUpperLower(double d) {
            return new ItemStatistics(itemId, version, topic, correctLabel, attempts, pValue, pointBiserial, defined(d), scored, choseA,
                    choseB, choseC, choseD, choseE, meanTimeMs, flags, exposureRate, exposureTarget, optionCount, irtModel, a, b, c, seA, seB,
                    seC, calibratedRespondents, attention);
        }

        public ItemStatistics withAttention(List<String> reasons) {
            return new ItemStatistics(itemId, version, topic, correctLabel, attempts, pValue, pointBiserial, upperLower, scored, choseA,
                    choseB, choseC, choseD, choseE, meanTimeMs, flags, exposureRate, exposureTarget, optionCount, irtModel, a, b, c, seA, seB,
                    seC, calibratedRespondents, List.copyOf(reasons));
        }

        public long[] chose() {
            return new long[] { choseA, choseB, choseC, choseD, choseE };
        }
    }

    /** How the lower, middle and upper groups of respondents by rest score (27 %, 46 %, 27 %) answered an item version. */
    public record AbilityGroup(@Schema(enumeration = { "lower", "middle", "upper" }, example = "upper") String group,
            @Schema(example = "27") long respondents, long choseA, long choseB, long choseC, long choseD, long choseE,
            @Schema(nullable = true, description = "The group's share correct", example = "0.85") Double pValue) {
    }

    /** KR-20 (= Cronbach's α for 0/1 items) of the linear quizzes that answered the same item versions. */
    public record FormReliability(String formKey, String examCode, int items, long examinees, double meanScore, @Schema(nullable = true) Double kr20) {
    }

    /** @param mastery (correct + 1) / (attempts + 2): the share correct, pulled towards ½ while answers are few */
    public record TopicMastery(UUID topicId, long attempts, long correct, @Schema(nullable = true) Double accuracy, double mastery, @Schema(nullable = true) Instant lastAnsweredAt) {
    }

    /** A topic across the tenant's students: how many answered it, how well, and how many are below half mastery. */
    public record TenantTopicMastery(@Schema(example = "6f1c2a4e-8d0b-4c39-9a51-2b7f0e3d9c10") UUID topicId, @Schema(example = "48") long students,
            @Schema(example = "1250") long attempts, @Schema(example = "812") long correct, @Schema(nullable = true, example = "0.65") Double accuracy,
            @Schema(description = "The students' mean mastery", example = "0.63") double meanMastery,
            @Schema(description = "Students whose mastery is under one half", example = "9") long belowHalf) {
    }

    /** @param percentileRank among the tenant's students with enough answers; null when there are none */
    public record StudentStanding(UUID userId, long attempts, long correct, @Schema(nullable = true) Double accuracy, @Schema(nullable = true) Double theta, @Schema(nullable = true) Double percentileRank,
            long peers) {
    }

    public record Retention(String scheduler, String source,
            @Schema(description = "Reviews of learners' personal questions, apart from the bank's") boolean personal, long reviews, long recalled, @Schema(nullable = true) Double retention) {
    }
}
