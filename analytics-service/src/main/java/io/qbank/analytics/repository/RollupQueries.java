package io.qbank.analytics.repository;

import static io.qbank.analytics.rest.AnalyticsViews.defined;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.qbank.analytics.psychometrics.ClassicalStatistics;
import io.qbank.analytics.rest.AnalyticsViews.CohortDay;
import io.qbank.analytics.rest.AnalyticsViews.CohortMember;
import io.qbank.analytics.rest.AnalyticsViews.FormReliability;
import io.qbank.analytics.rest.AnalyticsViews.ItemStatistics;
import io.qbank.analytics.rest.AnalyticsViews.Retention;
import io.qbank.analytics.rest.AnalyticsViews.TenantTopicMastery;
import io.qbank.analytics.rest.AnalyticsViews.TopicMastery;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads of the rollups, always scoped by tenant; the statistics are derived from the running sums kept by the ingest. */
@ApplicationScoped
public class RollupQueries {

    private final Pool pool;

    public RollupQueries(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<CohortDay>> cohortDays(String tenantId, LocalDate from, LocalDate to, String cohort) {
        return pool.preparedQuery("""
                SELECT day, cohort, attempts, correct, time_total_ms, active_users FROM cohort_daily
                 WHERE tenant_id = $1 AND day BETWEEN $2 AND $3 AND ($4::text IS NULL OR cohort = $4)
                 ORDER BY day, cohort""")
                .execute(Tuple.of(tenantId, from, to, cohort))
                .map(rows -> list(rows, r -> {
                    long attempts = r.getLong("attempts");
                    return new CohortDay(r.getLocalDate("day"), r.getString("cohort"), attempts, r.getLong("correct"),
                            defined(ClassicalStatistics.facility(r.getLong("correct"), attempts)), r.getLong("active_users"),
                            attempts == 0 ? 0 : (double) r.getLong("time_total_ms") / attempts);
                }));
    }

    /**
     * Item versions of the tenant with their statistics, calibration and exposure target (the default where no
     * exposure-control job set one), most attempted first.
     */
    public Uni<List<ItemStatistics>> items(String tenantId, String examCode, UUID itemId, int offset, int limit, double defaultExposureTarget) {
        return pool.preparedQuery("""
                SELECT s.*, d.topic_name, d.correct_label, d.option_count, c.model, c.a, c.b, c.c, c.se_a, c.se_b, c.se_c, c.respondents,
                       coalesce(x.target_rate, $6) AS exposure_target,
                       (SELECT max(e.served::float8 / nullif(q.quizzes, 0)) FROM item_exam_served e
                          JOIN exam_quizzes q ON q.tenant_id = e.tenant_id AND q.exam_code = e.exam_code
                         WHERE e.item_id = s.item_id AND e.version = s.version) AS exposure_rate
                  FROM item_version_stats s LEFT JOIN item_dim d ON d.item_id = s.item_id AND d.version = s.version
                  LEFT JOIN item_calibration c ON c.item_id = s.item_id AND c.version = s.version AND c.tenant_id = s.tenant_id
                  LEFT JOIN item_exposure_control x ON x.item_id = s.item_id AND x.version = s.version AND x.tenant_id = s.tenant_id
                 WHERE s.tenant_id = $1 AND ($2::uuid IS NULL OR s.item_id = $2)
                   AND ($3::text IS NULL OR EXISTS (SELECT 1 FROM item_exam_served e WHERE e.item_id = s.item_id
                                                     AND e.version = s.version AND e.exam_code = $3)
                                         OR $3 = ANY (d.exam_codes))
                 ORDER BY s.attempts DESC, s.item_id, s.version OFFSET $4 LIMIT $5""")
                .execute(Tuple.from(new Object[] { tenantId, itemId, examCode, offset, limit, defaultExposureTarget }))
                .map(rows -> list(rows, RollupQueries::itemStatistics));
    }

    private static ItemStatistics itemStatistics(Row r) {
        long attempts = r.getLong("attempts");
        List<Long> chosen = List.of(r.getLong("chose_a"), r.getLong("chose_b"), r.getLong("chose_c"), r.getLong("chose_d"), r.getLong("chose_e"));
        Short options = r.getShort("option_count");
        return new ItemStatistics(r.getUUID("item_id"), r.getInteger("version"), r.getString("topic_name"), r.getString("correct_label"),
                attempts, defined(ClassicalStatistics.facility(r.getLong("correct"), attempts)),
                defined(ClassicalStatistics.pointBiserial(r.getLong("scored"), r.getLong("scored_correct"), r.getDouble("sum_rest"),
                        r.getDouble("sum_rest_sq"), r.getDouble("sum_correct_rest"))),
                null, r.getLong("scored"), chosen.get(0), chosen.get(1), chosen.get(2), chosen.get(3), chosen.get(4),
                attempts == 0 ? null : (double) r.getLong("time_total_ms") / attempts, r.getLong("flags"), r.getDouble("exposure_rate"),
                r.getDouble("exposure_target"), options == null ? 4 : options, r.getString("model"), r.getDouble("a"), r.getDouble("b"),
                r.getDouble("c"), r.getDouble("se_a"), r.getDouble("se_b"), r.getDouble("se_c"), r.getInteger("respondents"), List.of());
    }

    /** The rest scores, correctness and chosen options of item versions' scored responses (linear quizzes), by item version. */
    public Uni<java.util.Map<String, ClassicalStatistics.Scored>> scoredResponses(String tenantId, UUID[] itemIds) {
        return pool.preparedQuery("""
                SELECT r.item_id, r.version, (q.recorded_correct - r.correct::int)::float8 / (q.recorded_answers - 1), r.correct, r.selected_label
                  FROM response_fact r JOIN quiz_fact q ON q.quiz_id = r.quiz_id AND q.adaptive = false AND q.recorded_answers >= 2
                 WHERE r.item_id = ANY($1) AND r.tenant_id = $2""")
                .execute(Tuple.of(itemIds, tenantId))
                .map(rows -> {
                    java.util.Map<String, List<Row>> byVersion = new java.util.HashMap<>();
                    for (Row row : rows) {
                        byVersion.computeIfAbsent(key(row.getUUID(0), row.getInteger(1)), k -> new ArrayList<>()).add(row);
                    }
                    java.util.Map<String, ClassicalStatistics.Scored> scored = new java.util.HashMap<>();
                    byVersion.forEach((k, list) -> {
                        double[] criterion = new double[list.size()];
                        boolean[] correct = new boolean[list.size()];
                        String[] selected = new String[list.size()];
                        for (int i = 0; i < list.size(); i++) {
                            criterion[i] = list.get(i).getDouble(2);
                            correct[i] = list.get(i).getBoolean(3);
                            selected[i] = list.get(i).getString(4);
                        }
                        scored.put(k, new ClassicalStatistics.Scored(criterion, correct, selected));
                    });
                    return scored;
                });
    }

    /** The key of an item version in {@link #scoredResponses}. */
    public static String key(UUID itemId, int version) {
        return itemId + "/" + version;
    }

    public Uni<List<FormReliability>> reliability(String tenantId, String examCode) {
        return pool.preparedQuery("""
                SELECT f.form_key, f.exam_code, f.items, f.examinees, f.sum_score, f.sum_score_sq,
                       array_agg(i.correct ORDER BY i.item_id, i.version) AS item_correct
                  FROM linear_form f JOIN linear_form_item i ON i.tenant_id = f.tenant_id AND i.form_key = f.form_key
                 WHERE f.tenant_id = $1 AND ($2::text IS NULL OR f.exam_code = $2) AND f.examinees >= 2
                 GROUP BY f.tenant_id, f.form_key ORDER BY f.examinees DESC, f.form_key LIMIT 500""")
                .execute(Tuple.of(tenantId, examCode))
                .map(rows -> list(rows, r -> {
                    long[] correct = java.util.Arrays.stream(r.getArrayOfLongs("item_correct")).mapToLong(Long::longValue).toArray();
                    long n = r.getLong("examinees");
                    double kr20 = ClassicalStatistics.kr20(n, correct, r.getDouble("sum_score"), r.getDouble("sum_score_sq"));
                    return new FormReliability(r.getString("form_key"), r.getString("exam_code"), r.getInteger("items"), n,
                            r.getDouble("sum_score") / n, defined(kr20));
                }));
    }

    public Uni<List<TopicMastery>> mastery(String tenantId, UUID userId) {
        return pool.preparedQuery("""
                SELECT topic_id, attempts, correct, last_answered_at FROM student_topic
                 WHERE tenant_id = $1 AND user_id = $2 ORDER BY attempts DESC, topic_id LIMIT 1000""")
                .execute(Tuple.of(tenantId, userId))
                .map(rows -> list(rows, r -> new TopicMastery(r.getUUID("topic_id"), r.getLong("attempts"), r.getLong("correct"),
                        defined(ClassicalStatistics.facility(r.getLong("correct"), r.getLong("attempts"))),
                        // Laplace-smoothed share correct: two answers do not make mastery
                        (r.getLong("correct") + 1.0) / (r.getLong("attempts") + 2.0), r.getOffsetDateTime("last_answered_at").toInstant())));
    }

    /**
     * The student's standing: their accuracy and its percentile rank among the tenant's students with at least
     * {@code minimumAttempts} answers; null when the student has none.
     */
    public Uni<Row> standing(String tenantId, UUID userId, int minimumAttempts) {
        return pool.preparedQuery("""
                WITH me AS (SELECT attempts, correct, correct::float8 / attempts AS accuracy, theta FROM student_summary
                             WHERE tenant_id = $1 AND user_id = $2),
                     peers AS (SELECT correct::float8 / attempts AS accuracy FROM student_summary WHERE tenant_id = $1 AND attempts >= $3)
                SELECT me.attempts, me.correct, me.accuracy, me.theta,
                       (SELECT count(*) FROM peers WHERE peers.accuracy < me.accuracy) AS below,
                       (SELECT count(*) FROM peers WHERE peers.accuracy = me.accuracy) AS equal,
                       (SELECT count(*) FROM peers) AS peers
                  FROM me""")
                .execute(Tuple.of(tenantId, userId, minimumAttempts))
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next() : null);
    }

    public Uni<List<Retention>> retention(String tenantId, LocalDate from, LocalDate to) {
        return pool.preparedQuery("""
                SELECT scheduler, source, personal, sum(reviews) AS reviews, sum(recalled) AS recalled FROM review_daily
                 WHERE tenant_id = $1 AND day BETWEEN $2 AND $3 GROUP BY scheduler, source, personal HAVING sum(reviews) > 0
                 ORDER BY scheduler, source, personal""")
                .execute(Tuple.of(tenantId, from, to))
                .map(rows -> list(rows, r -> new Retention(r.getString("scheduler"), r.getString("source"), r.getBoolean("personal"), r.getLong("reviews"),
                        r.getLong("recalled"), defined(ClassicalStatistics.facility(r.getLong("recalled"), r.getLong("reviews"))))));
    }

    public Uni<Integer> assignCohort(String tenantId, String cohort, List<UUID> users) {
        return pool.preparedQuery("""
                INSERT INTO cohort_member (tenant_id, user_id, cohort) SELECT $1, u, $2 FROM unnest($3::uuid[]) u
                ON CONFLICT (tenant_id, user_id) DO UPDATE SET cohort = excluded.cohort, assigned_at = now()""")
                .execute(Tuple.of(tenantId, cohort, users.toArray(UUID[]::new)))
                .map(RowSet::rowCount);
    }

    /** Each topic across the tenant's students, the weakest mastered first. */
    public Uni<List<TenantTopicMastery>> topicMastery(String tenantId) {
        return pool.preparedQuery("""
                SELECT topic_id, count(*) AS students, sum(attempts) AS attempts, sum(correct) AS correct,
                       avg((correct + 1)::float8 / (attempts + 2)) AS mean_mastery,
                       count(*) FILTER (WHERE (correct + 1)::float8 / (attempts + 2) < 0.5) AS below_half
                  FROM student_topic WHERE tenant_id = $1 GROUP BY topic_id ORDER BY mean_mastery, topic_id""")
                .execute(Tuple.of(tenantId))
                .map(rows -> list(rows, r -> new TenantTopicMastery(r.getUUID("topic_id"), r.getLong("students"), r.getLong("attempts"),
                        r.getLong("correct"), defined(ClassicalStatistics.facility(r.getLong("correct"), r.getLong("attempts"))),
                        r.getDouble("mean_mastery"), r.getLong("below_half"))));
    }

    /** Who of the tenant is in which cohort. */
    public Uni<List<CohortMember>> cohortMembers(String tenantId) {
        return pool.preparedQuery("SELECT user_id, cohort, assigned_at FROM cohort_member WHERE tenant_id = $1 ORDER BY cohort, user_id")
                .execute(Tuple.of(tenantId))
                .map(rows -> list(rows, r -> new CohortMember(r.getUUID(0), r.getString(1), r.getOffsetDateTime(2).toInstant())));
    }

    private static <T> List<T> list(RowSet<Row> rows, Function<Row, T> map) {
        List<T> out = new ArrayList<>(rows.size());
        for (Row row : rows) {
            out.add(map.apply(row));
        }
        return out;
    }
}
