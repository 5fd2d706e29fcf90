package io.qbank.analytics.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
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
            @Schema(nullable = true) Double meanTimeMs, long flags, @Schema(nullable = true) Double exposureRate) {

        public ItemStatistics withUpperLower(double d) {
            return new ItemStatistics(itemId, version, topic, correctLabel, attempts, pValue, pointBiserial, defined(d), scored, choseA,
                    choseB, choseC, choseD, choseE, meanTimeMs, flags, exposureRate);
        }
    }

    /** KR-20 (= Cronbach's α for 0/1 items) of the linear quizzes that answered the same item versions. */
    public record FormReliability(String formKey, String examCode, int items, long examinees, double meanScore, @Schema(nullable = true) Double kr20) {
    }

    /** @param mastery (correct + 1) / (attempts + 2): the share correct, pulled towards ½ while answers are few */
    public record TopicMastery(UUID topicId, long attempts, long correct, @Schema(nullable = true) Double accuracy, double mastery, @Schema(nullable = true) Instant lastAnsweredAt) {
    }

    /** @param percentileRank among the tenant's students with enough answers; null when there are none */
    public record StudentStanding(UUID userId, long attempts, long correct, @Schema(nullable = true) Double accuracy, @Schema(nullable = true) Double theta, @Schema(nullable = true) Double percentileRank,
            long peers) {
    }

    public record Retention(String scheduler, String source, long reviews, long recalled, @Schema(nullable = true) Double retention) {
    }
}
