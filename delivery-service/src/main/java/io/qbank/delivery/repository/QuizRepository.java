package io.qbank.delivery.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.qbank.common.outbox.OutboxWriter;
import io.qbank.common.persistence.Sql;
import io.qbank.delivery.config.DeliveryConfig;
import io.qbank.delivery.domain.Quiz;
import io.qbank.delivery.domain.QuizFilters;
import io.qbank.delivery.domain.Quota;
import io.qbank.delivery.domain.ServedItem;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Quizzes with their served items and responses. Each change of a quiz is one statement that updates the quiz row
 * (guarded by its row version), writes what goes with it and appends its events to the outbox: one round trip, all or
 * nothing. A guarded change that finds the row moved on writes nothing and answers false.
 * <p>
 * Serves and answers, the two writes of every step of every quiz, are group-committed ({@link WriteBatcher}): those of
 * many quizzes that arrive together go as one multi-row statement, each row guarded on its own.
 */
@ApplicationScoped
public class QuizRepository {

    private final OutboxWriter outbox;
    private final Pool db;
    private final WriteBatcher<Serve> serves;
    private final WriteBatcher<Answer> answers;

    public QuizRepository(OutboxWriter outbox, Pool db, DeliveryConfig config, MeterRegistry registry) {
        this.outbox = outbox;
        this.db = db;
        this.serves = new WriteBatcher<>(w -> w.quiz().id(), this::serveAll, config.writeBatchSize(), config.writeBatchesInFlight(),
                batchSizes(registry, "serve"));
        this.answers = new WriteBatcher<>(w -> w.quiz().id(), this::answerAll, config.writeBatchSize(), config.writeBatchesInFlight(),
                batchSizes(registry, "answer"));
    }

    private static IntConsumer batchSizes(MeterRegistry registry, String kind) {
        DistributionSummary sizes = DistributionSummary.builder("qbank.quiz.write.batch.size").description("Writes per group commit")
                .tag("kind", kind).register(registry);
        return sizes::record;
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

    /** The item served at the next position of a quiz, the items exposure control set aside, the quotas' progress. */
    public record Serve(Quiz quiz, ServedItem item, List<UUID> setAside, int[] quotaServed, List<OutboxWriter.Pending> events) {
    }

    /**
     * A graded answer, the new ability and, when it ends the quiz, its completion. {@code intoHistory}: the learner's
     * history takes the answer's correctness now (tutor mode); an exam's answers reach it only at the exam's end.
     */
    public record Answer(Quiz quiz, ServedItem item, ServedItem.Answer answer, double[] posterior, String status, Instant completedAt,
            boolean intoHistory, List<OutboxWriter.Pending> events) {
    }

    /** Records a serve, in a batch with the serves of other quizzes; false when the quiz had moved on. */
    public Uni<Boolean> serve(Serve serve) {
        return serves.submit(serve);
    }

    /** Records an answer, in a batch with the answers of other quizzes; false when the quiz had moved on. */
    public Uni<Boolean> answer(Answer answer) {
        return answers.submit(answer);
    }

    private Uni<Set<UUID>> serveAll(List<Serve> batch) {
        Object[] head = { Sql.column(batch, w -> w.quiz().id(), UUID[]::new), Sql.column(batch, w -> w.quiz().rowVersion(), Long[]::new),
                Sql.column(batch, w -> w.item().position(), Integer[]::new), Sql.column(batch, w -> w.item().itemId(), UUID[]::new),
                Sql.column(batch, w -> w.item().version(), Integer[]::new), Sql.column(batch, w -> w.item().topicId(), UUID[]::new),
                Sql.column(batch, w -> w.item().thetaBefore(), Double[]::new), Sql.column(batch, w -> Sql.utc(w.item().servedAt()), OffsetDateTime[]::new),
                Sql.column(batch, w -> arrayLiteral(w.setAside().stream().map(UUID::toString)), String[]::new),
                Sql.column(batch, w -> arrayLiteral(Arrays.stream(w.quotaServed()).mapToObj(Integer::toString)), String[]::new) };
        return appliedQuizzes(db.preparedQuery("""
                WITH b AS (
                    SELECT * FROM unnest($1::uuid[], $2::int8[], $3::int4[], $4::uuid[], $5::int4[], $6::uuid[], $7::float8[],
                           $8::timestamptz[], $9::text[], $10::text[])
                           WITH ORDINALITY AS b(quiz_id, row_version, position, item_id, version, topic_id, theta_before, served_at,
                                                set_aside, quota_served, n)),
                q AS (
                    UPDATE quiz SET served = served + 1, served_item_ids = served_item_ids || b.item_id,
                           set_aside_item_ids = set_aside_item_ids || b.set_aside::uuid[], quota_served = b.quota_served::int4[],
                           row_version = quiz.row_version + 1
                      FROM b
                     WHERE quiz.id = b.quiz_id AND quiz.row_version = b.row_version AND quiz.status = 'active' AND quiz.served = b.position - 1
                    RETURNING quiz.id, quiz.tenant_id, quiz.user_id, b.n),
                s AS (
                    INSERT INTO served_item (quiz_id, position, item_id, version, topic_id, theta_before, served_at)
                    SELECT b.quiz_id, b.position, b.item_id, b.version, b.topic_id, b.theta_before, b.served_at FROM q JOIN b USING (n)),
                l AS (
                    INSERT INTO learner_item (tenant_id, user_id, item_id, first_served_at)
                    SELECT q.tenant_id, q.user_id, b.item_id, b.served_at FROM q JOIN b USING (n) ON CONFLICT DO NOTHING),
                o AS (
                """ + OutboxWriter.insertStatementOwnedBy(head.length + 1, "q", "id") + ")\nSELECT id FROM q")
                .execute(withEvents(head, batch, Serve::quiz, Serve::events)));
    }

    private Uni<Set<UUID>> answerAll(List<Answer> batch) {
        int grid = batch.get(0).posterior().length;
        Double[] posteriors = new Double[batch.size() * grid];
        for (int i = 0; i < batch.size(); i++) {
            double[] posterior = batch.get(i).posterior();
            if (posterior.length != grid) {
                throw new IllegalArgumentException("posteriors on grids of " + grid + " and " + posterior.length + " points");
            }
            for (int j = 0; j < grid; j++) {
                posteriors[i * grid + j] = posterior[j];
            }
        }
        Object[] head = { Sql.column(batch, w -> w.quiz().id(), UUID[]::new), Sql.column(batch, w -> w.quiz().rowVersion(), Long[]::new),
                Sql.column(batch, w -> w.answer().thetaAfter(), Double[]::new), Sql.column(batch, w -> w.answer().seAfter(), Double[]::new),
                Sql.column(batch, Answer::status, String[]::new), Sql.column(batch, w -> Sql.utc(w.completedAt()), OffsetDateTime[]::new),
                Sql.column(batch, w -> w.answer().responseId(), UUID[]::new), Sql.column(batch, w -> w.item().position(), Integer[]::new),
                Sql.column(batch, w -> w.item().itemId(), UUID[]::new), Sql.column(batch, w -> w.item().version(), Integer[]::new),
                Sql.column(batch, w -> w.answer().selectedLabel(), String[]::new), Sql.column(batch, w -> w.answer().correct(), Boolean[]::new),
                Sql.column(batch, w -> w.answer().confidence() == null ? null : w.answer().confidence().shortValue(), Short[]::new),
                Sql.column(batch, w -> w.answer().timeTakenMs(), Long[]::new), Sql.column(batch, w -> w.item().thetaBefore(), Double[]::new),
                Sql.column(batch, w -> Sql.utc(w.answer().answeredAt()), OffsetDateTime[]::new), posteriors, grid,
                Sql.column(batch, Answer::intoHistory, Boolean[]::new) };
        return appliedQuizzes(db.preparedQuery("""
                WITH b AS (
                    SELECT * FROM unnest($1::uuid[], $2::int8[], $3::float8[], $4::float8[], $5::text[], $6::timestamptz[], $7::uuid[],
                           $8::int4[], $9::uuid[], $10::int4[], $11::text[], $12::bool[], $13::int2[], $14::int8[], $15::float8[],
                           $16::timestamptz[], $19::bool[])
                           WITH ORDINALITY AS b(quiz_id, row_version, theta_after, se_after, status, completed_at, response_id, position,
                                                item_id, version, selected_label, correct, confidence, time_taken_ms, theta_before,
                                                answered_at, into_history, n)),
                q AS (
                    UPDATE quiz SET answered = answered + 1, correct = quiz.correct + b.correct::int, theta = b.theta_after, se = b.se_after,
                           posterior = ($17::float8[])[(b.n - 1) * $18 + 1 : b.n * $18], status = b.status, completed_at = b.completed_at,
                           row_version = quiz.row_version + 1
                      FROM b
                     WHERE quiz.id = b.quiz_id AND quiz.row_version = b.row_version AND quiz.status = 'active'
                    RETURNING quiz.id, quiz.tenant_id, quiz.user_id, b.n),
                r AS (
                    INSERT INTO response (id, quiz_id, position, tenant_id, user_id, item_id, version, selected_label, correct, confidence,
                           time_taken_ms, theta_before, theta_after, se_after, answered_at)
                    SELECT b.response_id, b.quiz_id, b.position, q.tenant_id, q.user_id, b.item_id, b.version, b.selected_label, b.correct,
                           b.confidence, b.time_taken_ms, b.theta_before, b.theta_after, b.se_after, b.answered_at FROM q JOIN b USING (n)),
                l AS (
                    UPDATE learner_item l SET last_correct = b.correct FROM q JOIN b USING (n)
                     WHERE b.into_history AND l.tenant_id = q.tenant_id AND l.user_id = q.user_id AND l.item_id = b.item_id),
                o AS (
                """ + OutboxWriter.insertStatementOwnedBy(head.length + 1, "q", "id") + ")\nSELECT id FROM q")
                .execute(withEvents(head, batch, Answer::quiz, Answer::events)));
    }

    /** The statement's parameters followed by the events of every write, each owned by its write's quiz. */
    private <W> Tuple withEvents(Object[] head, List<W> batch, Function<W, Quiz> quiz, Function<W, List<OutboxWriter.Pending>> events) {
        List<OutboxWriter.Pending> all = new ArrayList<>();
        List<UUID> owners = new ArrayList<>();
        for (W write : batch) {
            for (OutboxWriter.Pending event : events.apply(write)) {
                all.add(event);
                owners.add(quiz.apply(write).id());
            }
        }
        return outbox.withEvents(head, all, owners);
    }

    private static Uni<Set<UUID>> appliedQuizzes(Uni<RowSet<Row>> rows) {
        return rows.map(applied -> {
            Set<UUID> ids = new HashSet<>();
            applied.forEach(r -> ids.add(r.getUUID(0)));
            return ids;
        });
    }

    /** A PostgreSQL array literal of values that need no quoting (UUIDs, numbers). */
    private static String arrayLiteral(Stream<String> values) {
        return values.collect(Collectors.joining(",", "{", "}"));
    }

    /**
     * Ends an active quiz (finished, exhausted or expired); {@code answersIntoHistory} (an exam): the learner's history takes
     * the correctness of the quiz's final answers now.
     */
    public Uni<Boolean> end(SqlClient client, Quiz q, String status, Instant at, boolean answersIntoHistory, List<OutboxWriter.Pending> events) {
        Object[] head = { q.id(), q.rowVersion(), status, Sql.utc(at), answersIntoHistory };
        return client.preparedQuery("""
                WITH q AS (
                    UPDATE quiz SET status = $3, completed_at = $4, row_version = row_version + 1
                     WHERE id = $1 AND row_version = $2 AND status = 'active' RETURNING id, tenant_id, user_id),
                l AS (
                    UPDATE learner_item l SET last_correct = r.correct FROM q JOIN response r ON r.quiz_id = q.id
                     WHERE $5 AND l.tenant_id = q.tenant_id AND l.user_id = q.user_id AND l.item_id = r.item_id)
                """ + OutboxWriter.insertStatement(head.length + 1, "q"))
                .execute(outbox.withEvents(head, events)).map(rows -> rows.rowCount() > 0);
    }

    /** Changes the answer at a position of an active quiz (a linear exam), with the quiz's new score and ability. */
    public Uni<Boolean> change(SqlClient client, Quiz q, int position, ServedItem.Answer a, Quiz after) {
        Double[] posterior = Arrays.stream(after.posterior()).boxed().toArray(Double[]::new);
        return client.preparedQuery("""
                WITH q AS (
                    UPDATE quiz SET correct = $3, theta = $4, se = $5, posterior = $6, row_version = row_version + 1
                     WHERE id = $1 AND row_version = $2 AND status = 'active' RETURNING id)
                UPDATE response r SET selected_label = $8, correct = $9, confidence = $10, time_taken_ms = $11, theta_after = $12,
                       se_after = $13, answered_at = $14
                  FROM q WHERE r.quiz_id = q.id AND r.position = $7""")
                .execute(Tuple.from(new Object[] { q.id(), q.rowVersion(), after.correct(), after.theta(), after.se(), posterior, position,
                        a.selectedLabel(), a.correct(), a.confidence() == null ? null : a.confidence().shortValue(), a.timeTakenMs(),
                        a.thetaAfter(), a.seAfter(), Sql.utc(a.answeredAt()) }))
                .map(rows -> rows.rowCount() > 0);
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
}
