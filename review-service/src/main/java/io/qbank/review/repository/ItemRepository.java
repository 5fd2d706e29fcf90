package io.qbank.review.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.qbank.common.events.EventJson;
import io.qbank.common.events.ItemOption;
import io.qbank.common.events.ItemPublished;
import io.qbank.common.events.ItemRetired;
import io.qbank.common.events.PersonalItemChanged;
import io.qbank.review.domain.ItemVersion;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** The item read model: published versions (immutable) and where each item is live; learners' personal questions beside them. */
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

    /**
     * A question of a learner's study set as it now is: its version kept, live while active; reported, it is served
     * nowhere (until an edit makes a new version active); removed, it goes with everything of it here.
     */
    public Uni<Void> personal(SqlConnection connection, PersonalItemChanged e) {
        if (PersonalItemChanged.REMOVED.equals(e.state())) {
            return removePersonal(connection, e.tenantId(), e.ownerId(), e.itemId());
        }
        if (e.options() == null || e.options().isEmpty() || e.correctLabel() == null || e.stem() == null || e.leadIn() == null
                || e.ownerId() == null) {
            throw new IllegalArgumentException("PersonalItemChanged for " + e.itemId() + " lacks its owner, stem, lead-in, options or key");
        }
        boolean live = PersonalItemChanged.ACTIVE.equals(e.state());
        return connection.preparedQuery("""
                INSERT INTO review_item_version (item_id, version, tenant_id, topic_name, difficulty, stem, lead_in, options, correct_label,
                       rationale, owner_id)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8::text::jsonb, $9, $10, $11)
                ON CONFLICT (item_id, version) DO NOTHING""")
                .execute(Tuple.from(new Object[] { e.itemId(), e.version(), e.tenantId(), e.topic(), e.difficulty(), e.stem(), e.leadIn(),
                        EventJson.write(e.options()), e.correctLabel(), e.rationale(), e.ownerId() }))
                .chain(() -> connection.preparedQuery("""
                        INSERT INTO review_item (item_id, tenant_id, live_version, owner_id, material_ids)
                        VALUES ($1, $2, $3, $4, $5)
                        ON CONFLICT (item_id) DO UPDATE SET live_version = excluded.live_version, material_ids = excluded.material_ids, updated_at = now()
                         WHERE review_item.tenant_id = excluded.tenant_id AND review_item.owner_id = excluded.owner_id
                           AND $6 >= coalesce((SELECT max(v.version) FROM review_item_version v WHERE v.item_id = $1), 0)""")
                        .execute(Tuple.from(new Object[] { e.itemId(), e.tenantId(), live ? e.version() : null, e.ownerId(),
                                e.materialIds() == null ? new UUID[0] : e.materialIds().toArray(UUID[]::new), e.version() })))
                .replaceWithVoid();
    }

    /** Everything of a learner's question: their places in sessions, schedule and attempts, and the question itself. */
    private Uni<Void> removePersonal(SqlConnection connection, String tenantId, UUID ownerId, UUID itemId) {
        Tuple owned = Tuple.of(tenantId, ownerId, itemId);
        return connection.preparedQuery("""
                DELETE FROM review_session_item e USING review_session s
                 WHERE e.session_id = s.id AND s.tenant_id = $1 AND s.user_id = $2 AND e.item_id = $3""").execute(owned)
                .chain(() -> connection.preparedQuery("DELETE FROM review_schedule WHERE tenant_id = $1 AND user_id = $2 AND item_id = $3").execute(owned))
                .chain(() -> connection.preparedQuery("DELETE FROM review_attempt WHERE tenant_id = $1 AND user_id = $2 AND item_id = $3").execute(owned))
                .chain(() -> connection.preparedQuery("""
                        DELETE FROM review_item_version v WHERE v.item_id = $3 AND v.tenant_id = $1 AND v.owner_id = $2""").execute(owned))
                .chain(() -> connection.preparedQuery("DELETE FROM review_item WHERE tenant_id = $1 AND owner_id = $2 AND item_id = $3").execute(owned))
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
                EventJson.readList(r.getString("options_json"), ItemOption.class), r.getString("correct_label").trim(), r.getString("rationale"),
                r.getUUID("owner_id"));
    }
}
