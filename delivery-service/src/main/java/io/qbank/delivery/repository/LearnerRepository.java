package io.qbank.delivery.repository;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.qbank.common.outbox.OutboxWriter;
import io.qbank.common.persistence.Sql;
import io.qbank.delivery.domain.QuizFilters;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** A learner's history per item (first served, last answer right or wrong, flagged) and their flags. */
@ApplicationScoped
public class LearnerRepository {

    /** A flag as recorded; {@code created} is false when the position had been flagged already. */
    public record Flag(UUID id, UUID itemId, int version, String reason, String comment, Instant flaggedAt, boolean created) {
    }

    private final OutboxWriter outbox;

    public LearnerRepository(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    /**
     * The learner's item ids that a history filter is about: seen before the quiz started ({@code unused}), last answered
     * wrongly ({@code incorrect}) or flagged ({@code flagged}).
     */
    public Uni<Set<UUID>> history(SqlClient client, String tenantId, UUID userId, String filter, Instant quizStartedAt) {
        String condition = switch (filter) {
            case QuizFilters.UNUSED -> "first_served_at < $3";
            case QuizFilters.INCORRECT -> "last_correct = false AND $3::timestamptz IS NOT NULL";
            case QuizFilters.FLAGGED -> "flagged_at IS NOT NULL AND $3::timestamptz IS NOT NULL";
            default -> throw new IllegalArgumentException("unknown history filter " + filter);
        };
        return client.preparedQuery("SELECT item_id FROM learner_item WHERE tenant_id = $1 AND user_id = $2 AND " + condition)
                .execute(Tuple.of(tenantId, userId, Sql.utc(quizStartedAt))).map(rows -> {
                    Set<UUID> ids = new HashSet<>();
                    for (Row r : rows) {
                        ids.add(r.getUUID(0));
                    }
                    return ids;
                });
    }

    /** Records a flag on a served position once, marks the item flagged for the learner and appends ItemFlagged. */
    public Uni<Flag> flag(SqlClient client, String tenantId, UUID userId, UUID quizId, int position, UUID itemId, int version,
            UUID flagId, String reason, String comment, Instant at, List<OutboxWriter.Pending> events) {
        Object[] head = { flagId, tenantId, userId, quizId, position, itemId, version, reason, comment, Sql.utc(at) };
        return client.preparedQuery("""
                WITH f AS (
                    INSERT INTO item_flag (id, tenant_id, user_id, quiz_id, position, item_id, version, reason, comment, flagged_at)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (quiz_id, position) DO NOTHING RETURNING id),
                l AS (
                    UPDATE learner_item SET flagged_at = $10 WHERE tenant_id = $2 AND user_id = $3 AND item_id = $6 AND EXISTS (SELECT 1 FROM f))
                """ + OutboxWriter.insertStatement(head.length + 1, "f"))
                .execute(outbox.withEvents(head, events))
                .chain(rows -> client.preparedQuery("SELECT * FROM item_flag WHERE quiz_id = $1 AND position = $2").execute(Tuple.of(quizId, position))
                        .map(found -> {
                            Row r = found.iterator().next();
                            return new Flag(r.getUUID("id"), r.getUUID("item_id"), r.getInteger("version"), r.getString("reason"),
                                    r.getString("comment"), Sql.instant(r.getOffsetDateTime("flagged_at")), rows.rowCount() > 0);
                        }));
    }
}
