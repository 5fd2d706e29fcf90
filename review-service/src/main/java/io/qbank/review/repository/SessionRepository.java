package io.qbank.review.repository;

import io.qbank.common.persistence.Sql;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.qbank.review.domain.ReviewSession;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** Review sessions and their items. */
@ApplicationScoped
public class SessionRepository {

    /** A planned session item: the item and the version that was live when the session started. */
    public record Planned(UUID itemId, int version) {
    }

    public Uni<Void> create(SqlClient client, ReviewSession session, List<Planned> items) {
        Uni<?> header = client.preparedQuery("""
                INSERT INTO review_session (id, tenant_id, user_id, topic_id, ahead, personal, material_id, created_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8)""")
                .execute(Tuple.from(new Object[] { session.id(), session.tenantId(), session.userId(), session.topicId(), session.ahead(),
                        session.personal(), session.materialId(), Sql.utc(session.createdAt()) }));
        return header.chain(() -> items.isEmpty() ? Uni.createFrom().voidItem() : client.preparedQuery("""
                INSERT INTO review_session_item (session_id, position, item_id, version)
                SELECT $1, n, item, v FROM unnest($2::uuid[], $3::int4[]) WITH ORDINALITY AS p(item, v, n)""")
                .execute(Tuple.of(session.id(), Sql.column(items, Planned::itemId, UUID[]::new), Sql.column(items, Planned::version, Integer[]::new)))
                .replaceWithVoid());
    }

    /** The learner's own session (another learner's or tenant's is simply not found). */
    public Uni<ReviewSession> findOwn(SqlClient client, String tenantId, UUID userId, UUID sessionId) {
        return client.preparedQuery("""
                SELECT s.*, (SELECT count(*) FROM review_session_item i WHERE i.session_id = s.id)::int AS item_count,
                       (SELECT count(*) FROM review_session_item i WHERE i.session_id = s.id AND i.attempt_id IS NOT NULL)::int AS answered
                  FROM review_session s WHERE s.id = $1 AND s.tenant_id = $2 AND s.user_id = $3""")
                .execute(Tuple.of(sessionId, tenantId, userId))
                .map(rows -> rows.size() == 0 ? null : session(rows.iterator().next()));
    }

    /**
     * The first item not yet answered, still live (one retired since the session started is skipped) and not in the
     * learner's running exam (it comes back when the exam ends), or null when none is left.
     */
    public Uni<ReviewSession.Entry> nextUnanswered(SqlClient client, UUID sessionId) {
        return client.preparedQuery("""
                SELECT e.* FROM review_session_item e
                  JOIN review_item i ON i.item_id = e.item_id AND i.live_version IS NOT NULL
                  CROSS JOIN LATERAL (SELECT r.tenant_id, r.user_id, e.item_id FROM review_session r WHERE r.id = e.session_id) s
                 WHERE e.session_id = $1 AND e.attempt_id IS NULL AND NOT %s
                 ORDER BY e.position LIMIT 1""".formatted(RunningExamRepository.IN_RUNNING_EXAM))
                .execute(Tuple.of(sessionId)).map(rows -> rows.size() == 0 ? null : entry(rows.iterator().next()));
    }

    /** The item at a position, locked until the transaction ends (an answer is recorded once). */
    public Uni<ReviewSession.Entry> lockEntry(SqlClient client, UUID sessionId, int position) {
        return client.preparedQuery("SELECT * FROM review_session_item WHERE session_id = $1 AND position = $2 FOR UPDATE")
                .execute(Tuple.of(sessionId, position)).map(rows -> rows.size() == 0 ? null : entry(rows.iterator().next()));
    }

    public Uni<Void> markServed(SqlClient client, UUID sessionId, int position, Instant at) {
        return client.preparedQuery("""
                UPDATE review_session_item SET served_at = $3 WHERE session_id = $1 AND position = $2 AND served_at IS NULL""")
                .execute(Tuple.of(sessionId, position, Sql.utc(at))).replaceWithVoid();
    }

    public Uni<Void> markAnswered(SqlClient client, UUID sessionId, int position, UUID attemptId) {
        return client.preparedQuery("UPDATE review_session_item SET attempt_id = $3 WHERE session_id = $1 AND position = $2")
                .execute(Tuple.of(sessionId, position, attemptId)).replaceWithVoid();
    }

    private static ReviewSession session(Row r) {
        return new ReviewSession(r.getUUID("id"), r.getString("tenant_id"), r.getUUID("user_id"), r.getUUID("topic_id"), r.getBoolean("ahead"),
                r.getBoolean("personal"), r.getUUID("material_id"),
                Sql.instant(r.getOffsetDateTime("created_at")), r.getInteger("item_count"), r.getInteger("answered"));
    }

    private static ReviewSession.Entry entry(Row r) {
        return new ReviewSession.Entry(r.getUUID("session_id"), r.getInteger("position"), r.getUUID("item_id"), r.getInteger("version"),
                Sql.instant(r.getOffsetDateTime("served_at")), r.getUUID("attempt_id"));
    }
}
