package io.qbank.review.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.qbank.common.events.ItemServed;
import io.qbank.common.events.QuizCompleted;
import io.qbank.common.events.QuizStarted;
import io.qbank.common.persistence.Sql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** The learners' running exams and the items served in them (a review session keeps away from those). */
@ApplicationScoped
public class RunningExamRepository {

    /** Condition on a row aliased {@code s} with tenant_id, user_id and item_id: the item sits in its learner's running exam. */
    public static final String IN_RUNNING_EXAM = """
            EXISTS (SELECT 1 FROM running_exam_item x WHERE x.tenant_id = s.tenant_id AND x.user_id = s.user_id AND x.item_id = s.item_id)""";

    /**
     * Applies a poll's exam events: starts, then serves (of exams started now or before), then ends. A learner's events
     * arrive in order, and an exam's serves always precede its end, so this order leaves what one at a time would.
     */
    public Uni<Void> apply(SqlClient client, List<QuizStarted> started, List<ItemServed> served, List<QuizCompleted> completed) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        if (!started.isEmpty()) {
            chain = chain.chain(() -> client.preparedQuery("""
                    INSERT INTO running_exam (quiz_id, tenant_id, user_id)
                    SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[]) ON CONFLICT DO NOTHING""")
                    .execute(Tuple.of(Sql.column(started, QuizStarted::quizId, UUID[]::new),
                            Sql.column(started, QuizStarted::tenantId, String[]::new), Sql.column(started, QuizStarted::userId, UUID[]::new)))
                    .replaceWithVoid());
        }
        if (!served.isEmpty()) {
            chain = chain.chain(() -> client.preparedQuery("""
                    INSERT INTO running_exam_item (quiz_id, item_id, tenant_id, user_id)
                    SELECT s.quiz_id, s.item_id, e.tenant_id, e.user_id FROM unnest($1::uuid[], $2::uuid[]) AS s(quiz_id, item_id)
                      JOIN running_exam e ON e.quiz_id = s.quiz_id
                    ON CONFLICT DO NOTHING""")
                    .execute(Tuple.of(Sql.column(served, ItemServed::quizId, UUID[]::new), Sql.column(served, ItemServed::itemId, UUID[]::new)))
                    .replaceWithVoid());
        }
        if (!completed.isEmpty()) {
            UUID[] quizzes = Sql.column(completed, QuizCompleted::quizId, UUID[]::new);
            chain = chain.chain(() -> client.preparedQuery("""
                    WITH i AS (DELETE FROM running_exam_item WHERE quiz_id = ANY ($1))
                    DELETE FROM running_exam WHERE quiz_id = ANY ($1)""").execute(Tuple.of(quizzes)).replaceWithVoid());
        }
        return chain;
    }

    /** Whether the item sits in one of the learner's running exams. */
    public Uni<Boolean> holds(SqlClient client, String tenantId, UUID userId, UUID itemId) {
        return client.preparedQuery("""
                SELECT EXISTS (SELECT 1 FROM running_exam_item WHERE tenant_id = $1 AND user_id = $2 AND item_id = $3)""")
                .execute(Tuple.of(tenantId, userId, itemId)).map(rows -> rows.iterator().next().getBoolean(0));
    }
}
