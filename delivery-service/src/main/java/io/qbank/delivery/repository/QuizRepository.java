package io.qbank.delivery.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.qbank.common.outbox.OutboxWriter;
import io.qbank.common.persistence.Sql;
import io.qbank.delivery.domain.Quiz;
import io.qbank.delivery.domain.QuizFilters;
import io.qbank.delivery.domain.Quota;
import io.qbank.delivery.domain.ServedItem;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Quizzes with their served items and responses. Each change of a quiz is one statement that updates the quiz row
 * (guarded by its row version), writes what goes with it and appends its events to the outbox: one round trip, all or
 * nothing. A guarded change that finds the row moved on writes nothing and answers false.
 */
@ApplicationScoped
public class QuizRepository {

    private final OutboxWriter outbox;

    public QuizRepository(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> insert(SqlClient client, Quiz q, List<OutboxWriter.Pending> events) {
        Object[] head = { q.id(), q.tenantId(), q.userId(), q.examCode(), q.mode(), q.adaptive(), q.length(), q.timeLimitSeconds(),
                q.status(), Sql.utc(q.startedAt()), Sql.utc(q.expiresAt()), q.filters().topicIds().toArray(UUID[]::new),
                q.filters().difficulties().toArray(String[]::new), q.filters().history(),
                q.quotas().stream().map(Quota::topicId).toArray(UUID[]::new),
                q.quotas().stream().map(Quota::required).toArray(Integer[]::new),
                q.quotas().stream().map(Quota::served).toArray(Integer[]::new), q.seTarget() };
        return client.preparedQuery("""
                WITH q AS (
                    INSERT INTO quiz (id, tenant_id, user_id, exam_code, mode, adaptive, length, time_limit_seconds, status, started_at,
                           expires_at, topic_ids, difficulties, history, quota_topic_ids, quota_required, quota_served, se_target)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) RETURNING id)
                """ + OutboxWriter.insertStatement(head.length + 1, "q"))
                .execute(outbox.withEvents(head, events)).replaceWithVoid();
    }

    /** Another user's or tenant's quiz is not found, exactly like a missing one. */
    public Uni<Quiz> findOwn(SqlClient client, String tenantId, UUID userId, UUID quizId) {
        return client.preparedQuery("SELECT * FROM quiz WHERE id = $1 AND tenant_id = $2 AND user_id = $3")
                .execute(Tuple.of(quizId, tenantId, userId)).map(rows -> rows.size() == 0 ? null : quiz(rows.iterator().next()));
    }

    public Uni<List<Quiz>> listOwn(SqlClient client, String tenantId, UUID userId, int page, int size) {
        return client.preparedQuery("""
                SELECT * FROM quiz WHERE tenant_id = $1 AND user_id = $2 ORDER BY started_at DESC, id LIMIT $3 OFFSET $4""")
                .execute(Tuple.of(tenantId, userId, size, (long) page * size)).map(rows -> {
                    List<Quiz> list = new ArrayList<>();
                    rows.forEach(r -> list.add(quiz(r)));
                    return list;
                });
    }

    /** Active quizzes whose time is up, oldest deadline first. */
    public Uni<List<Quiz>> overdue(SqlClient client, Instant now, int limit) {
        return client.preparedQuery("""
                SELECT * FROM quiz WHERE status = 'active' AND expires_at IS NOT NULL AND expires_at <= $1 ORDER BY expires_at LIMIT $2""")
                .execute(Tuple.of(Sql.utc(now), limit)).map(rows -> {
                    List<Quiz> list = new ArrayList<>();
                    rows.forEach(r -> list.add(quiz(r)));
                    return list;
                });
    }

    /** Records the item served at the next position, the items exposure control set aside, the quotas' progress. */
    public Uni<Boolean> serve(SqlClient client, Quiz q, ServedItem item, List<UUID> setAside, int[] quotaServed, List<OutboxWriter.Pending> events) {
        Object[] head = { q.id(), q.rowVersion(), item.itemId(), setAside.toArray(UUID[]::new), Arrays.stream(quotaServed).boxed().toArray(Integer[]::new),
                item.position(), item.version(), item.topicId(), item.thetaBefore(), Sql.utc(item.servedAt()) };
        return client.preparedQuery("""
                WITH q AS (
                    UPDATE quiz SET served = served + 1, served_item_ids = served_item_ids || $3::uuid,
                           set_aside_item_ids = set_aside_item_ids || $4::uuid[], quota_served = $5::int4[], row_version = row_version + 1
                     WHERE id = $1 AND row_version = $2 AND status = 'active' AND served = $6 - 1
                    RETURNING id, tenant_id, user_id),
                s AS (
                    INSERT INTO served_item (quiz_id, position, item_id, version, topic_id, theta_before, served_at)
                    SELECT id, $6, $3, $7, $8, $9, $10 FROM q),
                l AS (
                    INSERT INTO learner_item (tenant_id, user_id, item_id, first_served_at)
                    SELECT tenant_id, user_id, $3, $10 FROM q ON CONFLICT DO NOTHING)
                """ + OutboxWriter.insertStatement(head.length + 1, "q"))
                .execute(outbox.withEvents(head, events)).map(rows -> rows.rowCount() > 0);
    }

    /** Records a graded answer, the new ability and, when it ends the quiz, its completion. */
    public Uni<Boolean> answer(SqlClient client, Quiz q, ServedItem item, ServedItem.Answer a, double[] posterior, String status,
            Instant completedAt, List<OutboxWriter.Pending> events) {
        Object[] head = { q.id(), q.rowVersion(), a.correct() ? 1 : 0, a.thetaAfter(), a.seAfter(), toObjects(posterior), status,
                Sql.utc(completedAt), a.responseId(), item.position(), item.itemId(), item.version(), a.selectedLabel(), a.correct(),
                a.confidence() == null ? null : a.confidence().shortValue(), a.timeTakenMs(), item.thetaBefore(), Sql.utc(a.answeredAt()) };
        return client.preparedQuery("""
                WITH q AS (
                    UPDATE quiz SET answered = answered + 1, correct = correct + $3, theta = $4, se = $5, posterior = $6::float8[],
                           status = $7, completed_at = $8, row_version = row_version + 1
                     WHERE id = $1 AND row_version = $2 AND status = 'active'
                    RETURNING id, tenant_id, user_id),
                r AS (
                    INSERT INTO response (id, quiz_id, position, tenant_id, user_id, item_id, version, selected_label, correct, confidence,
                           time_taken_ms, theta_before, theta_after, se_after, answered_at)
                    SELECT $9, id, $10, tenant_id, user_id, $11, $12, $13, $14, $15, $16, $17, $4, $5, $18 FROM q),
                l AS (
                    UPDATE learner_item l SET last_correct = $14 FROM q
                     WHERE l.tenant_id = q.tenant_id AND l.user_id = q.user_id AND l.item_id = $11)
                """ + OutboxWriter.insertStatement(head.length + 1, "q"))
                .execute(outbox.withEvents(head, events)).map(rows -> rows.rowCount() > 0);
    }

    /** Ends an active quiz (finished, exhausted or expired). */
    public Uni<Boolean> end(SqlClient client, Quiz q, String status, Instant at, List<OutboxWriter.Pending> events) {
        Object[] head = { q.id(), q.rowVersion(), status, Sql.utc(at) };
        return client.preparedQuery("""
                WITH q AS (
                    UPDATE quiz SET status = $3, completed_at = $4, row_version = row_version + 1
                     WHERE id = $1 AND row_version = $2 AND status = 'active' RETURNING id)
                """ + OutboxWriter.insertStatement(head.length + 1, "q"))
                .execute(outbox.withEvents(head, events)).map(rows -> rows.rowCount() > 0);
    }

    /** The served items of a quiz in position order, each with its answer if given. */
    public Uni<List<ServedItem>> served(SqlClient client, UUID quizId) {
        return client.preparedQuery(SERVED + " WHERE s.quiz_id = $1 ORDER BY s.position").execute(Tuple.of(quizId)).map(rows -> {
            List<ServedItem> list = new ArrayList<>();
            rows.forEach(r -> list.add(served(r)));
            return list;
        });
    }

    public Uni<ServedItem> servedAt(SqlClient client, UUID quizId, int position) {
        return client.preparedQuery(SERVED + " WHERE s.quiz_id = $1 AND s.position = $2").execute(Tuple.of(quizId, position))
                .map(rows -> rows.size() == 0 ? null : served(rows.iterator().next()));
    }

    private static final String SERVED = """
            SELECT s.quiz_id, s.position, s.item_id, s.version, s.topic_id, s.theta_before, s.served_at, r.id AS response_id,
                   r.selected_label, r.correct, r.confidence, r.time_taken_ms, r.theta_after, r.se_after, r.answered_at
              FROM served_item s LEFT JOIN response r ON r.quiz_id = s.quiz_id AND r.position = s.position""";

    private static ServedItem served(Row r) {
        ServedItem.Answer answer = r.getUUID("response_id") == null ? null
                : new ServedItem.Answer(r.getUUID("response_id"), r.getString("selected_label").trim(), r.getBoolean("correct"),
                        r.getInteger("confidence"), r.getLong("time_taken_ms"), r.getDouble("theta_after"), r.getDouble("se_after"),
                        Sql.instant(r.getOffsetDateTime("answered_at")));
        return new ServedItem(r.getUUID("quiz_id"), r.getInteger("position"), r.getUUID("item_id"), r.getInteger("version"),
                r.getUUID("topic_id"), r.getDouble("theta_before"), Sql.instant(r.getOffsetDateTime("served_at")), answer);
    }

    private static Quiz quiz(Row r) {
        UUID[] quotaTopics = r.getArrayOfUUIDs("quota_topic_ids");
        Integer[] required = r.getArrayOfIntegers("quota_required");
        Integer[] served = r.getArrayOfIntegers("quota_served");
        List<Quota> quotas = new ArrayList<>();
        for (int i = 0; i < quotaTopics.length; i++) {
            quotas.add(new Quota(quotaTopics[i], required[i], served[i]));
        }
        Double[] posterior = r.getArrayOfDoubles("posterior");
        return new Quiz(r.getUUID("id"), r.getString("tenant_id"), r.getUUID("user_id"), r.getString("exam_code"), r.getString("mode"),
                r.getBoolean("adaptive"), r.getInteger("length"), r.getInteger("time_limit_seconds"),
                new QuizFilters(list(r.getArrayOfUUIDs("topic_ids")), list(r.getArrayOfStrings("difficulties")), r.getString("history")),
                List.copyOf(quotas), r.getDouble("se_target"), r.getString("status"), r.getInteger("served"), r.getInteger("answered"),
                r.getInteger("correct"), r.getDouble("theta"), r.getDouble("se"),
                posterior == null ? null : Arrays.stream(posterior).mapToDouble(Double::doubleValue).toArray(),
                list(r.getArrayOfUUIDs("served_item_ids")), list(r.getArrayOfUUIDs("set_aside_item_ids")),
                Sql.instant(r.getOffsetDateTime("started_at")), Sql.instant(r.getOffsetDateTime("expires_at")),
                Sql.instant(r.getOffsetDateTime("completed_at")), r.getLong("row_version"));
    }

    private static <T> List<T> list(T[] array) {
        return array == null ? List.of() : List.of(array);
    }

    private static Double[] toObjects(double[] values) {
        return Arrays.stream(values).boxed().toArray(Double[]::new);
    }
}
