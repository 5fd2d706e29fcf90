package io.qbank.analytics.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.qbank.common.psychometrics.AbilityEstimator;
import io.qbank.common.psychometrics.ItemParameters;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** What a student's readiness is computed from: their answers to calibrated items, and the tenant's passing standard. */
@ApplicationScoped
public class ReadinessQueries {

    /** A tenant's passing standard for an exam code, and the exam's pace when the tenant set one. */
    public record Standard(String examCode, double passingTheta, Integer secondsPerItem, UUID updatedBy, java.time.Instant updatedAt) {

        static Standard of(Row r) {
            return new Standard(r.getString("exam_code"), r.getDouble("passing_theta"), r.getInteger("seconds_per_item"),
                    r.getUUID("updated_by"), r.getOffsetDateTime("updated_at").toInstant());
        }
    }

    private final Pool pool;

    public ReadinessQueries(Pool pool) {
        this.pool = pool;
    }

    /** The student's latest answer to each calibrated item version of the exam code, with the item's parameters. */
    public Uni<List<AbilityEstimator.Response>> calibratedResponses(String tenantId, UUID userId, String examCode) {
        return pool.preparedQuery("""
                SELECT DISTINCT ON (r.item_id, r.version) c.a, c.b, c.c, r.correct
                  FROM response_fact r JOIN item_calibration c ON c.item_id = r.item_id AND c.version = r.version
                 WHERE r.tenant_id = $1 AND r.user_id = $2 AND r.exam_code = $3
                 ORDER BY r.item_id, r.version, r.answered_at DESC""")
                .execute(Tuple.of(tenantId, userId, examCode)).map(rows -> {
                    List<AbilityEstimator.Response> responses = new ArrayList<>();
                    rows.forEach(r -> responses.add(new AbilityEstimator.Response(
                            new ItemParameters(r.getDouble("a"), r.getDouble("b"), r.getDouble("c")), r.getBoolean("correct"))));
                    return responses;
                });
    }

    /** A student's answers to an exam code's items under one topic, and the topic's blueprint code. */
    public record TopicProgress(UUID topicId, String topicName, String blueprintCode, long attempts, long correct) {
    }

    /** A student's answers to an exam code: how many, how many right, their mean time, and per topic. */
    public record Progress(long attempts, long correct, Double meanTimeMs, List<TopicProgress> topics) {
    }

    public Uni<Progress> progress(String tenantId, UUID userId, String examCode) {
        return pool.preparedQuery("""
                SELECT r.topic_id, max(d.topic_name) AS topic_name,
                       (array_agg(d.blueprint_code ORDER BY d.version DESC) FILTER (WHERE d.blueprint_code IS NOT NULL))[1] AS blueprint_code,
                       count(*) AS attempts, count(*) FILTER (WHERE r.correct) AS correct, sum(r.time_taken_ms) AS time_ms
                  FROM response_fact r LEFT JOIN item_dim d ON d.item_id = r.item_id AND d.version = r.version
                 WHERE r.tenant_id = $1 AND r.user_id = $2 AND r.exam_code = $3
                 GROUP BY r.topic_id ORDER BY count(*) DESC""")
                .execute(Tuple.of(tenantId, userId, examCode)).map(rows -> {
                    List<TopicProgress> topics = new ArrayList<>();
                    long attempts = 0, correct = 0, time = 0;
                    for (var r : rows) {
                        topics.add(new TopicProgress(r.getUUID("topic_id"), r.getString("topic_name"), r.getString("blueprint_code"),
                                r.getLong("attempts"), r.getLong("correct")));
                        attempts += r.getLong("attempts");
                        correct += r.getLong("correct");
                        time += r.getLong("time_ms");
                    }
                    return new Progress(attempts, correct, attempts == 0 ? null : (double) time / attempts, topics);
                });
    }

    public Uni<Standard> standard(String tenantId, String examCode) {
        return pool.preparedQuery("SELECT exam_code, passing_theta, seconds_per_item, updated_by, updated_at FROM passing_standard WHERE tenant_id = $1 AND exam_code = $2")
                .execute(Tuple.of(tenantId, examCode))
                .map(rows -> rows.size() == 0 ? null : Standard.of(rows.iterator().next()));
    }

    public Uni<Standard> setStandard(String tenantId, String examCode, double passingTheta, Integer secondsPerItem, UUID by) {
        return pool.preparedQuery("""
                INSERT INTO passing_standard (tenant_id, exam_code, passing_theta, seconds_per_item, updated_by, updated_at)
                VALUES ($1, $2, $3, $4, $5, now())
                ON CONFLICT (tenant_id, exam_code) DO UPDATE
                   SET passing_theta = excluded.passing_theta, seconds_per_item = excluded.seconds_per_item, updated_by = excluded.updated_by,
                       updated_at = excluded.updated_at
                RETURNING exam_code, passing_theta, seconds_per_item, updated_by, updated_at""")
                .execute(Tuple.of(tenantId, examCode, passingTheta, secondsPerItem, by))
                .map(rows -> Standard.of(rows.iterator().next()));
    }
}
