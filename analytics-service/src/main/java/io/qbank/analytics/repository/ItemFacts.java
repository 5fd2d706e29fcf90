package io.qbank.analytics.repository;

import static io.qbank.common.persistence.Sql.column;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.qbank.common.events.ItemFlagged;
import io.qbank.common.events.ItemPublished;
import io.qbank.common.events.ItemRetired;
import io.qbank.common.persistence.Sql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** The item dimension from qbank.items.v1 (published versions and where they are live) and the flags of qbank.item-flags.v1. */
@ApplicationScoped
public class ItemFacts {

    /** The version becomes live for its exam codes; older versions of the item stop being live there. */
    public Uni<Void> published(SqlConnection connection, ItemPublished e) {
        if (e.itemId() == null || e.tenantId() == null || e.examCodes() == null) {
            throw new IllegalArgumentException("ItemPublished lacks its item id, tenant or exam codes");
        }
        UUID[] path = e.topicPath() == null || e.topicPath().isEmpty()
                ? (e.topicId() == null ? new UUID[0] : new UUID[] { e.topicId() })
                : e.topicPath().toArray(UUID[]::new);
        return connection.preparedQuery("""
                WITH version AS (
                    INSERT INTO item_dim (item_id, version, tenant_id, topic_id, topic_name, topic_path, exam_codes, difficulty, difficulty_level, option_count,
                           correct_label, published_at, blueprint_code)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $12, $9, $10, $11, $13)
                    ON CONFLICT (item_id, version) DO UPDATE SET topic_id = excluded.topic_id, topic_name = excluded.topic_name,
                           topic_path = excluded.topic_path, exam_codes = excluded.exam_codes, blueprint_code = excluded.blueprint_code,
                           retired_at = NULL
                     WHERE item_dim.tenant_id = excluded.tenant_id
                    RETURNING item_id)
                UPDATE item_dim SET exam_codes = '{}' WHERE item_id = $1 AND version < $2 AND tenant_id = $3""")
                .execute(Tuple.from(new Object[] { e.itemId(), e.version(), e.tenantId(), e.topicId(), e.topicName(), path,
                        e.examCodes().toArray(String[]::new), e.difficulty(), e.options() == null ? null : (short) e.options().size(),
                        e.correctLabel(), Sql.utc(e.publishedAt()),
                        e.difficultyLevel() == null ? null : e.difficultyLevel().shortValue(), e.blueprintCode() }))
                .replaceWithVoid();
    }

    public Uni<Void> retired(SqlConnection connection, ItemRetired e) {
        String[] codes = e.examCodes() == null ? new String[0] : e.examCodes().toArray(String[]::new);
        return connection.preparedQuery("""
                UPDATE item_dim SET exam_codes = ARRAY(SELECT code FROM unnest(exam_codes) code WHERE code <> ALL ($4::text[])),
                       retired_at = CASE WHEN cardinality($4::text[]) = 0 OR exam_codes <@ $4::text[] THEN $5 ELSE retired_at END
                 WHERE item_id = $1 AND version <= $2 AND tenant_id = $3""")
                .execute(Tuple.from(new Object[] { e.itemId(), e.version(), e.tenantId(), codes, Sql.utc(e.retiredAt()) }))
                .replaceWithVoid();
    }

    /** A flag is kept once (by its id) and counted on the item version's statistics. */
    public Uni<Void> flagged(SqlConnection connection, List<ItemFlagged> flags) {
        return connection.preparedQuery("""
                WITH fact AS (
                    INSERT INTO item_flag (flag_id, tenant_id, item_id, version, user_id, reason, source, flagged_at)
                    SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::int[], $5::uuid[], $6::text[], $7::text[], $8::timestamptz[])
                    ON CONFLICT DO NOTHING
                    RETURNING tenant_id, item_id, version)
                INSERT INTO item_version_stats (tenant_id, item_id, version, flags)
                SELECT tenant_id, item_id, version, count(*) FROM fact GROUP BY tenant_id, item_id, version
                ON CONFLICT (item_id, version) DO UPDATE SET flags = item_version_stats.flags + excluded.flags""")
                .execute(Tuple.from(new Object[] { column(flags, ItemFlagged::flagId, UUID[]::new),
                        column(flags, ItemFlagged::tenantId, String[]::new), column(flags, ItemFlagged::itemId, UUID[]::new),
                        column(flags, ItemFlagged::version, Integer[]::new), column(flags, ItemFlagged::userId, UUID[]::new),
                        column(flags, ItemFlagged::reason, String[]::new), column(flags, ItemFlagged::source, String[]::new),
                        column(flags, f -> Sql.utc(f.flaggedAt()), OffsetDateTime[]::new) }))
                .replaceWithVoid();
    }
}
