package io.qbank.review.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.qbank.common.events.EventJson;
import io.qbank.common.events.ItemOption;
import io.qbank.common.events.ItemPublished;
import io.qbank.common.events.ItemRetired;
import io.qbank.review.domain.ItemVersion;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** The item read model: published versions (immutable) and where each item is live. */
@ApplicationScoped
public class ItemRepository {

    /** Keeps the version; makes it the live one unless a newer version is live already (a re-send after a topic move updates the path). */
    public Uni<Void> published(SqlConnection connection, ItemPublished e) {
        if (e.options() == null || e.options().isEmpty() || e.correctLabel() == null || e.stem() == null || e.leadIn() == null) {
            throw new IllegalArgumentException("ItemPublished for " + e.itemId() + " lacks its stem, lead-in, options or key");
        }
        return connection.preparedQuery("""
                INSERT INTO review_item_version (item_id, version, tenant_id, topic_id, topic_name, difficulty, stem, lead_in, options,
                       correct_label, rationale)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::text::jsonb, $10, $11)
                ON CONFLICT (item_id, version) DO UPDATE SET topic_id = excluded.topic_id, topic_name = excluded.topic_name""")
                .execute(Tuple.from(new Object[] { e.itemId(), e.version(), e.tenantId(), e.topicId(), e.topicName(), e.difficulty(),
                        e.stem(), e.leadIn(), EventJson.write(e.options()), e.correctLabel(), e.rationale() }))
                .chain(() -> connection.preparedQuery("""
                        INSERT INTO review_item (item_id, tenant_id, live_version, exam_codes, topic_id, topic_path)
                        VALUES ($1, $2, $3, $4, $5, $6)
                        ON CONFLICT (item_id) DO UPDATE SET live_version = excluded.live_version, exam_codes = excluded.exam_codes,
                               topic_id = excluded.topic_id, topic_path = excluded.topic_path, updated_at = now()
                         WHERE review_item.tenant_id = excluded.tenant_id
                           AND excluded.live_version >= coalesce(review_item.live_version, 0)""")
                        .execute(Tuple.from(new Object[] { e.itemId(), e.tenantId(), e.version(),
                                e.examCodes() == null ? new String[0] : e.examCodes().toArray(String[]::new), e.topicId(),
                                e.topicPath() == null ? new UUID[0] : e.topicPath().toArray(UUID[]::new) })))
                .replaceWithVoid();
    }

    /** The exam codes leave the item; live nowhere, it is retired. A retirement of an older version than the live one is stale. */
    public Uni<Void> retired(SqlConnection connection, ItemRetired e) {
        return connection.preparedQuery("""
                UPDATE review_item
                   SET exam_codes = array(SELECT c FROM unnest(exam_codes) c WHERE c <> ALL ($3::text[])),
                       live_version = CASE WHEN exam_codes <@ $3::text[] THEN NULL ELSE live_version END, updated_at = now()
                 WHERE item_id = $1 AND tenant_id = $2 AND $4 >= coalesce(live_version, 0)""")
                .execute(Tuple.of(e.itemId(), e.tenantId(), e.examCodes() == null ? new String[0] : e.examCodes().toArray(String[]::new),
                        e.version()))
                .replaceWithVoid();
    }

    public Uni<ItemVersion> version(SqlClient client, String tenantId, UUID itemId, int version) {
        return client.preparedQuery("""
                SELECT v.*, v.options::text AS options_json FROM review_item_version v
                 WHERE v.item_id = $1 AND v.version = $2 AND v.tenant_id = $3""")
                .execute(Tuple.of(itemId, version, tenantId)).map(rows -> rows.size() == 0 ? null : version(rows.iterator().next()));
    }

    private static ItemVersion version(Row r) {
        return new ItemVersion(r.getUUID("item_id"), r.getInteger("version"), r.getString("tenant_id"), r.getUUID("topic_id"),
                r.getString("topic_name"), r.getString("difficulty"), r.getString("stem"), r.getString("lead_in"),
                EventJson.readList(r.getString("options_json"), ItemOption.class), r.getString("correct_label").trim(), r.getString("rationale"));
    }
}
