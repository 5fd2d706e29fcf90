package io.qbank.analytics.repository;

import static io.qbank.common.persistence.Sql.column;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.qbank.common.events.AnswerSubmitted;
import io.qbank.common.events.ItemServed;
import io.qbank.common.events.QuizCompleted;
import io.qbank.common.events.QuizStarted;
import io.qbank.common.persistence.Sql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The facts of qbank.delivery.v1 and the rollups they feed, one statement per event type and batch: each inserts the
 * batch's facts (a fact already there, under whatever ce_id, is skipped) and adds only the newly inserted ones to the
 * rollups, so a redelivered event never counts twice.
 */
@ApplicationScoped
public class ResponseFacts {

    /** An answer with the ce_id it came under. */
    public record Answer(UUID eventId, AnswerSubmitted answer) {
    }

    public Uni<Void> quizzesStarted(SqlConnection connection, List<QuizStarted> quizzes) {
        return connection.preparedQuery("""
                WITH started AS (
                    INSERT INTO quiz_fact (quiz_id, tenant_id, user_id, exam_code, mode, adaptive, length, started_at)
                    SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::bool[], $7::int[], $8::timestamptz[])
                    ON CONFLICT (quiz_id) DO NOTHING
                    RETURNING tenant_id, exam_code)
                INSERT INTO exam_quizzes (tenant_id, exam_code, quizzes)
                SELECT tenant_id, exam_code, count(*) FROM started GROUP BY tenant_id, exam_code
                ON CONFLICT (tenant_id, exam_code) DO UPDATE SET quizzes = exam_quizzes.quizzes + excluded.quizzes""")
                .execute(Tuple.from(new Object[] { column(quizzes, QuizStarted::quizId, UUID[]::new),
                        column(quizzes, QuizStarted::tenantId, String[]::new), column(quizzes, QuizStarted::userId, UUID[]::new),
                        column(quizzes, QuizStarted::examCode, String[]::new), column(quizzes, QuizStarted::mode, String[]::new),
                        column(quizzes, QuizStarted::adaptive, Boolean[]::new), column(quizzes, QuizStarted::length, Integer[]::new),
                        column(quizzes, q -> Sql.utc(q.startedAt()), OffsetDateTime[]::new) }))
                .replaceWithVoid();
    }

    /** Served items count towards the item's exposure in the quiz's exam (the quiz was started earlier on the same key). */
    public Uni<Void> itemsServed(SqlConnection connection, List<ItemServed> served) {
        return connection.preparedQuery("""
                WITH s AS (
                    SELECT * FROM unnest($1::uuid[], $2::int[], $3::text[], $4::uuid[], $5::int[], $6::timestamptz[])
                        AS s(quiz_id, position, tenant_id, item_id, version, served_at)),
                fact AS (
                    INSERT INTO served_fact (quiz_id, position, tenant_id, item_id, version, exam_code, served_at)
                    SELECT s.quiz_id, s.position, s.tenant_id, s.item_id, s.version, coalesce(q.exam_code, ''), s.served_at
                      FROM s LEFT JOIN quiz_fact q ON q.quiz_id = s.quiz_id
                    ON CONFLICT DO NOTHING
                    RETURNING tenant_id, item_id, version, exam_code)
                INSERT INTO item_exam_served (tenant_id, item_id, version, exam_code, served)
                SELECT tenant_id, item_id, version, exam_code, count(*) FROM fact GROUP BY tenant_id, item_id, version, exam_code
                ON CONFLICT (item_id, version, exam_code) DO UPDATE SET served = item_exam_served.served + excluded.served""")
                .execute(Tuple.from(new Object[] { column(served, ItemServed::quizId, UUID[]::new),
                        column(served, ItemServed::position, Integer[]::new), column(served, ItemServed::tenantId, String[]::new),
                        column(served, ItemServed::itemId, UUID[]::new), column(served, ItemServed::version, Integer[]::new),
                        column(served, s -> Sql.utc(s.servedAt()), OffsetDateTime[]::new) }))
                .replaceWithVoid();
    }

    /**
     * Answers into the fact table, counted in the user's cohort, and added to the cohort day, the item version's statistics,
     * the student's mastery of every topic on the item's path, and the student's summary.
     */
    public Uni<Void> answered(SqlConnection connection, List<Answer> answers) {
        List<AnswerSubmitted> a = answers.stream().map(Answer::answer).toList();
        return connection.preparedQuery("""
                WITH a AS (
                    SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[], $5::uuid[], $6::int[], $7::uuid[], $8::int[],
                                         $9::uuid[], $10::text[], $11::text[], $12::bool[], $13::int[], $14::int8[], $15::float8[],
                                         $16::text[], $17::timestamptz[])
                        AS a(response_id, event_id, tenant_id, user_id, quiz_id, position, item_id, version, topic_id, exam_code,
                             selected_label, correct, confidence, time_taken_ms, theta_after, mode, answered_at)),
                fact AS (
                    INSERT INTO response_fact (response_id, event_id, tenant_id, cohort, user_id, quiz_id, position, item_id, version,
                           topic_id, exam_code, selected_label, correct, confidence, time_taken_ms, theta_after, mode, answered_at, day)
                    SELECT a.response_id, a.event_id, a.tenant_id, coalesce(m.cohort, 'unassigned'), a.user_id, a.quiz_id, a.position,
                           a.item_id, a.version, a.topic_id, a.exam_code, a.selected_label, a.correct, a.confidence::smallint,
                           a.time_taken_ms, a.theta_after, a.mode, a.answered_at, (a.answered_at AT TIME ZONE 'UTC')::date
                      FROM a LEFT JOIN cohort_member m ON m.tenant_id = a.tenant_id AND m.user_id = a.user_id
                    ON CONFLICT DO NOTHING
                    RETURNING *),
                active AS (
                    INSERT INTO cohort_daily_user (tenant_id, cohort, day, user_id)
                    SELECT DISTINCT tenant_id, cohort, day, user_id FROM fact
                    ON CONFLICT DO NOTHING
                    RETURNING tenant_id, cohort, day),
                daily AS (
                    INSERT INTO cohort_daily (tenant_id, cohort, day, attempts, correct, time_total_ms, active_users)
                    SELECT f.tenant_id, f.cohort, f.day, count(*), count(*) FILTER (WHERE f.correct), sum(f.time_taken_ms),
                           (SELECT count(*) FROM active n WHERE n.tenant_id = f.tenant_id AND n.cohort = f.cohort AND n.day = f.day)
                      FROM fact f GROUP BY f.tenant_id, f.cohort, f.day
                    ON CONFLICT (tenant_id, cohort, day) DO UPDATE SET attempts = cohort_daily.attempts + excluded.attempts,
                           correct = cohort_daily.correct + excluded.correct,
                           time_total_ms = cohort_daily.time_total_ms + excluded.time_total_ms,
                           active_users = cohort_daily.active_users + excluded.active_users),
                items AS (
                    INSERT INTO item_version_stats (tenant_id, item_id, version, attempts, correct, time_total_ms,
                           chose_a, chose_b, chose_c, chose_d, chose_e)
                    SELECT tenant_id, item_id, version, count(*), count(*) FILTER (WHERE correct), sum(time_taken_ms),
                           count(*) FILTER (WHERE selected_label = 'A'), count(*) FILTER (WHERE selected_label = 'B'),
                           count(*) FILTER (WHERE selected_label = 'C'), count(*) FILTER (WHERE selected_label = 'D'),
                           count(*) FILTER (WHERE selected_label = 'E')
                      FROM fact GROUP BY tenant_id, item_id, version
                    ON CONFLICT (item_id, version) DO UPDATE SET attempts = item_version_stats.attempts + excluded.attempts,
                           correct = item_version_stats.correct + excluded.correct,
                           time_total_ms = item_version_stats.time_total_ms + excluded.time_total_ms,
                           chose_a = item_version_stats.chose_a + excluded.chose_a, chose_b = item_version_stats.chose_b + excluded.chose_b,
                           chose_c = item_version_stats.chose_c + excluded.chose_c, chose_d = item_version_stats.chose_d + excluded.chose_d,
                           chose_e = item_version_stats.chose_e + excluded.chose_e),
                topics AS (
                    INSERT INTO student_topic (tenant_id, user_id, topic_id, attempts, correct, last_answered_at)
                    SELECT f.tenant_id, f.user_id, t.topic_id, count(*), count(*) FILTER (WHERE f.correct), max(f.answered_at)
                      FROM fact f LEFT JOIN item_dim d ON d.item_id = f.item_id AND d.version = f.version
                     CROSS JOIN LATERAL unnest(CASE WHEN cardinality(d.topic_path) > 0 THEN d.topic_path ELSE ARRAY[f.topic_id] END) AS t(topic_id)
                     WHERE t.topic_id IS NOT NULL
                     GROUP BY f.tenant_id, f.user_id, t.topic_id
                    ON CONFLICT (tenant_id, user_id, topic_id) DO UPDATE SET attempts = student_topic.attempts + excluded.attempts,
                           correct = student_topic.correct + excluded.correct,
                           last_answered_at = greatest(student_topic.last_answered_at, excluded.last_answered_at)),
                students AS (
                    INSERT INTO student_summary (tenant_id, user_id, attempts, correct, theta, last_answered_at)
                    SELECT tenant_id, user_id, count(*), count(*) FILTER (WHERE correct),
                           (array_agg(theta_after ORDER BY answered_at DESC))[1], max(answered_at)
                      FROM fact GROUP BY tenant_id, user_id
                    ON CONFLICT (tenant_id, user_id) DO UPDATE SET attempts = student_summary.attempts + excluded.attempts,
                           correct = student_summary.correct + excluded.correct,
                           theta = CASE WHEN excluded.last_answered_at >= student_summary.last_answered_at
                                        THEN excluded.theta ELSE student_summary.theta END,
                           last_answered_at = greatest(student_summary.last_answered_at, excluded.last_answered_at))
                SELECT count(*) FROM fact""")
                .execute(Tuple.from(new Object[] { column(a, AnswerSubmitted::responseId, UUID[]::new),
                        column(answers, Answer::eventId, UUID[]::new), column(a, AnswerSubmitted::tenantId, String[]::new),
                        column(a, AnswerSubmitted::userId, UUID[]::new), column(a, AnswerSubmitted::quizId, UUID[]::new),
                        column(a, AnswerSubmitted::position, Integer[]::new), column(a, AnswerSubmitted::itemId, UUID[]::new),
                        column(a, AnswerSubmitted::version, Integer[]::new), column(a, AnswerSubmitted::topicId, UUID[]::new),
                        column(a, AnswerSubmitted::examCode, String[]::new), column(a, AnswerSubmitted::selectedLabel, String[]::new),
                        column(a, AnswerSubmitted::correct, Boolean[]::new), column(a, AnswerSubmitted::confidence, Integer[]::new),
                        column(a, AnswerSubmitted::timeTakenMs, Long[]::new), column(a, AnswerSubmitted::thetaAfter, Double[]::new),
                        column(a, AnswerSubmitted::mode, String[]::new), column(a, x -> Sql.utc(x.answeredAt()), OffsetDateTime[]::new) }))
                .replaceWithVoid();
    }

    /**
     * A completed quiz closes its row with the answers recorded for it. For a linear quiz each answer's rest score (the
     * share correct among the quiz's other answers) feeds the item's point-biserial sums, and the quiz counts as one
     * sitting of its form (the set of item versions it answered) for KR-20. The quiz ids reach the fact lookups as
     * {@code = ANY ($1)}: joined only through a CTE, the cached generic plan scanned the whole fact table once per batch.
     */
    public Uni<Void> quizzesCompleted(SqlConnection connection, List<QuizCompleted> completions) {
        // one row per quiz: an upsert may not touch a row twice, and a completion re-sent under a new ce_id can share a poll
        List<QuizCompleted> quizzes = List.copyOf(completions.stream()
                .collect(Collectors.toMap(QuizCompleted::quizId, q -> q, (first, again) -> first, LinkedHashMap::new)).values());
        return connection.preparedQuery("""
                WITH c AS (
                    SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::int[], $6::int[], $7::float8[], $8::float8[],
                                         $9::text[], $10::timestamptz[])
                        AS c(quiz_id, tenant_id, user_id, exam_code, answered, correct, theta, se, reason, completed_at)),
                recorded AS (
                    SELECT quiz_id, count(*) AS n, count(*) FILTER (WHERE correct) AS k FROM response_fact
                     WHERE quiz_id = ANY ($1::uuid[]) GROUP BY quiz_id),
                done AS (
                    INSERT INTO quiz_fact (quiz_id, tenant_id, user_id, exam_code, answered, correct, theta, se, reason, completed_at,
                           recorded_answers, recorded_correct)
                    SELECT c.*, coalesce(r.n, 0), coalesce(r.k, 0) FROM c LEFT JOIN recorded r ON r.quiz_id = c.quiz_id
                    ON CONFLICT (quiz_id) DO UPDATE SET answered = excluded.answered, correct = excluded.correct, theta = excluded.theta,
                           se = excluded.se, reason = excluded.reason, completed_at = excluded.completed_at,
                           recorded_answers = excluded.recorded_answers, recorded_correct = excluded.recorded_correct
                     WHERE quiz_fact.completed_at IS NULL AND quiz_fact.tenant_id = excluded.tenant_id
                    RETURNING quiz_id, exam_code, adaptive, recorded_answers AS n, recorded_correct AS k),
                scored AS (
                    SELECT r.quiz_id, r.tenant_id, r.item_id, r.version, r.correct, (d.k - r.correct::int)::float8 / (d.n - 1) AS rest_score
                      FROM response_fact r JOIN done d ON d.quiz_id = r.quiz_id AND d.adaptive = false AND d.n >= 2
                     WHERE r.quiz_id = ANY ($1::uuid[])),
                sums AS (
                    INSERT INTO item_version_stats (tenant_id, item_id, version, scored, scored_correct, sum_rest, sum_rest_sq, sum_correct_rest)
                    SELECT tenant_id, item_id, version, count(*), count(*) FILTER (WHERE correct), sum(rest_score),
                           sum(rest_score * rest_score), coalesce(sum(rest_score) FILTER (WHERE correct), 0)
                      FROM scored GROUP BY tenant_id, item_id, version
                    ON CONFLICT (item_id, version) DO UPDATE SET scored = item_version_stats.scored + excluded.scored,
                           scored_correct = item_version_stats.scored_correct + excluded.scored_correct,
                           sum_rest = item_version_stats.sum_rest + excluded.sum_rest,
                           sum_rest_sq = item_version_stats.sum_rest_sq + excluded.sum_rest_sq,
                           sum_correct_rest = item_version_stats.sum_correct_rest + excluded.sum_correct_rest),
                sitting AS (
                    SELECT s.quiz_id, s.tenant_id, coalesce(d.exam_code, '') AS exam_code, count(*) AS items,
                           count(*) FILTER (WHERE s.correct) AS score,
                           md5(string_agg(s.item_id::text || ':' || s.version, ',' ORDER BY s.item_id, s.version)) AS form_key
                      FROM scored s JOIN done d ON d.quiz_id = s.quiz_id
                     GROUP BY s.quiz_id, s.tenant_id, d.exam_code),
                forms AS (
                    INSERT INTO linear_form (tenant_id, form_key, exam_code, items, examinees, sum_score, sum_score_sq)
                    SELECT tenant_id, form_key, min(exam_code), min(items), count(*), sum(score), sum(score * score)
                      FROM sitting GROUP BY tenant_id, form_key
                    ON CONFLICT (tenant_id, form_key) DO UPDATE SET examinees = linear_form.examinees + excluded.examinees,
                           sum_score = linear_form.sum_score + excluded.sum_score,
                           sum_score_sq = linear_form.sum_score_sq + excluded.sum_score_sq),
                form_items AS (
                    INSERT INTO linear_form_item (tenant_id, form_key, item_id, version, correct)
                    SELECT s.tenant_id, f.form_key, s.item_id, s.version, count(*) FILTER (WHERE s.correct)
                      FROM scored s JOIN sitting f ON f.quiz_id = s.quiz_id
                     GROUP BY s.tenant_id, f.form_key, s.item_id, s.version
                    ON CONFLICT (tenant_id, form_key, item_id, version) DO UPDATE SET correct = linear_form_item.correct + excluded.correct)
                SELECT count(*) FROM done""")
                .execute(Tuple.from(new Object[] { column(quizzes, QuizCompleted::quizId, UUID[]::new),
                        column(quizzes, QuizCompleted::tenantId, String[]::new), column(quizzes, QuizCompleted::userId, UUID[]::new),
                        column(quizzes, QuizCompleted::examCode, String[]::new), column(quizzes, QuizCompleted::answered, Integer[]::new),
                        column(quizzes, QuizCompleted::correct, Integer[]::new), column(quizzes, QuizCompleted::theta, Double[]::new),
                        column(quizzes, QuizCompleted::se, Double[]::new), column(quizzes, QuizCompleted::reason, String[]::new),
                        column(quizzes, q -> Sql.utc(q.completedAt()), OffsetDateTime[]::new) }))
                .replaceWithVoid();
    }
}
