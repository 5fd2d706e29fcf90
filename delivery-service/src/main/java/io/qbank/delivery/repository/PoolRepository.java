package io.qbank.delivery.repository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.qbank.common.events.EventJson;
import io.qbank.common.events.ExposureControlUpdated;
import io.qbank.common.events.ItemCalibrated;
import io.qbank.common.events.ItemOption;
import io.qbank.common.events.ItemPublished;
import io.qbank.common.events.ItemRetired;
import io.qbank.common.persistence.Sql;
import io.qbank.common.psychometrics.ItemParameters;
import io.qbank.delivery.domain.ItemContent;
import io.qbank.delivery.domain.PoolItem;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The item pool, a read model of qbank.items.v1 and qbank.calibration.v1: every published version (immutable), where
 * each item is live, calibrations and Sympson–Hetter parameters per version, and a revision per exam that moves with
 * every change, so that service replicas know when to reload their snapshot of an exam's pool.
 */
@ApplicationScoped
public class PoolRepository {

    /** Bumps the revision of the exam codes a change touched (created at 1). */
    private static final String BUMP = """
            INSERT INTO pool_revision (tenant_id, exam_code, revision)
            SELECT $2, exam_code, 1 FROM (SELECT exam_code FROM gone UNION SELECT exam_code FROM live) changed
            ON CONFLICT (tenant_id, exam_code) DO UPDATE SET revision = pool_revision.revision + 1""";

    /** Keeps the version (a re-send after a topic move updates its topic) and makes it live for its exam codes unless a newer one is. */
    public Uni<Void> published(SqlConnection connection, ItemPublished e) {
        if (e.options() == null || e.options().size() < 2 || e.correctLabel() == null || e.stem() == null || e.leadIn() == null
                || e.topicId() == null || e.examCodes() == null) {
            throw new IllegalArgumentException("ItemPublished for " + e.itemId() + " lacks its stem, lead-in, options, key, topic or exam codes");
        }
        UUID[] path = e.topicPath() == null || e.topicPath().isEmpty() ? new UUID[] { e.topicId() } : e.topicPath().toArray(UUID[]::new);
        return connection.preparedQuery("""
                INSERT INTO pool_item_version (item_id, version, tenant_id, topic_id, topic_name, blueprint_code, stem, lead_in, options_json,
                       correct_label, rationale, difficulty, difficulty_level, option_count, published_at, topic_path)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
                ON CONFLICT (item_id, version) DO UPDATE SET topic_id = excluded.topic_id, topic_name = excluded.topic_name,
                       blueprint_code = excluded.blueprint_code, topic_path = excluded.topic_path
                 WHERE pool_item_version.tenant_id = excluded.tenant_id""")
                .execute(Tuple.from(new Object[] { e.itemId(), e.version(), e.tenantId(), e.topicId(), e.topicName(), e.blueprintCode(),
                        e.stem(), e.leadIn(), EventJson.write(e.options()), e.correctLabel(), e.rationale(), e.difficulty(),
                        e.difficultyLevel() == null ? null : e.difficultyLevel().shortValue(), (short) e.options().size(),
                        Sql.utc(e.publishedAt()), path }))
                .chain(() -> connection.preparedQuery("""
                        WITH gone AS (
                            DELETE FROM pool_entry WHERE item_id = $1 AND tenant_id = $2 AND exam_code <> ALL ($3::text[]) AND live_version <= $4
                            RETURNING exam_code),
                        live AS (
                            INSERT INTO pool_entry (item_id, exam_code, tenant_id, live_version)
                            SELECT $1, code, $2, $4 FROM unnest($3::text[]) code
                            ON CONFLICT (item_id, exam_code) DO UPDATE SET live_version = excluded.live_version
                             WHERE pool_entry.live_version <= excluded.live_version AND pool_entry.tenant_id = excluded.tenant_id
                            RETURNING exam_code)
                        """ + BUMP)
                        .execute(Tuple.of(e.itemId(), e.tenantId(), e.examCodes().toArray(String[]::new), e.version())))
                .replaceWithVoid();
    }

    /** The exam codes leave the item; a retirement older than the live version is stale and changes nothing. */
    public Uni<Void> retired(SqlConnection connection, ItemRetired e) {
        return connection.preparedQuery("""
                WITH gone AS (
                    DELETE FROM pool_entry WHERE item_id = $1 AND tenant_id = $2 AND exam_code = ANY ($3::text[]) AND live_version <= $4
                    RETURNING exam_code),
                live AS (SELECT NULL::text AS exam_code WHERE false)
                """ + BUMP)
                .execute(Tuple.of(e.itemId(), e.tenantId(), e.examCodes() == null ? new String[0] : e.examCodes().toArray(String[]::new),
                        e.version()))
                .replaceWithVoid();
    }

    /** Keeps the newest calibration of an item version; the exams where that version is live reload their pool. */
    public Uni<Void> calibrated(SqlConnection connection, ItemCalibrated e) {
        new ItemParameters(e.a(), e.b(), e.c()); // refuses impossible parameters (they go to the dead-letter topic)
        if (!"2PL".equals(e.model()) && !"3PL".equals(e.model())) {
            throw new IllegalArgumentException("unknown IRT model " + e.model());
        }
        return connection.preparedQuery("""
                WITH kept AS (
                    INSERT INTO item_calibration (item_id, version, tenant_id, model, a, b, c, se_a, se_b, se_c, respondents, calibrated_at)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
                    ON CONFLICT (item_id, version) DO UPDATE SET model = excluded.model, a = excluded.a, b = excluded.b, c = excluded.c,
                           se_a = excluded.se_a, se_b = excluded.se_b, se_c = excluded.se_c, respondents = excluded.respondents,
                           calibrated_at = excluded.calibrated_at
                     WHERE item_calibration.calibrated_at <= excluded.calibrated_at AND item_calibration.tenant_id = excluded.tenant_id
                    RETURNING item_id, version)
                """ + bumpWhereLive())
                .execute(Tuple.from(new Object[] { e.itemId(), e.version(), e.tenantId(), e.model(), e.a(), e.b(), e.c(), e.seA(), e.seB(),
                        e.seC(), e.respondents(), Sql.utc(e.calibratedAt()) }))
                .replaceWithVoid();
    }

    /** Keeps the newest Sympson–Hetter acceptance of an item version. */
    public Uni<Void> exposureControlled(SqlConnection connection, ExposureControlUpdated e) {
        if (!(e.shP() > 0 && e.shP() <= 1)) {
            throw new IllegalArgumentException("a Sympson–Hetter probability is in (0, 1], was " + e.shP());
        }
        return connection.preparedQuery("""
                WITH kept AS (
                    INSERT INTO item_exposure_control (item_id, version, tenant_id, sh_p, target_rate, updated_at)
                    VALUES ($1, $2, $3, $4, $5, $6)
                    ON CONFLICT (item_id, version) DO UPDATE SET sh_p = excluded.sh_p, target_rate = excluded.target_rate,
                           updated_at = excluded.updated_at
                     WHERE item_exposure_control.updated_at <= excluded.updated_at AND item_exposure_control.tenant_id = excluded.tenant_id
                    RETURNING item_id, version)
                """ + bumpWhereLive())
                .execute(Tuple.of(e.itemId(), e.version(), e.tenantId(), e.shP(), e.targetRate(), Sql.utc(e.updatedAt())))
                .replaceWithVoid();
    }

    private static String bumpWhereLive() {
        return """
                UPDATE pool_revision r SET revision = r.revision + 1
                  FROM pool_entry p JOIN kept k ON k.item_id = p.item_id AND k.version = p.live_version
                 WHERE r.tenant_id = p.tenant_id AND r.exam_code = p.exam_code""";
    }

    /** The exam's pool now: live versions with their parameters (calibrated, else the defaults of the author's level). */
    public Uni<List<PoolItem>> live(SqlClient client, String tenantId, String examCode) {
        return client.preparedQuery("""
                SELECT e.item_id, e.live_version, v.topic_id, v.topic_path, v.difficulty, v.difficulty_level, v.option_count,
                       c.a, c.b, c.c, x.sh_p
                  FROM pool_entry e
                  JOIN pool_item_version v ON v.item_id = e.item_id AND v.version = e.live_version
                  LEFT JOIN item_calibration c ON c.item_id = e.item_id AND c.version = e.live_version
                  LEFT JOIN item_exposure_control x ON x.item_id = e.item_id AND x.version = e.live_version
                 WHERE e.tenant_id = $1 AND e.exam_code = $2""")
                .execute(Tuple.of(tenantId, examCode)).map(rows -> {
                    List<PoolItem> items = new ArrayList<>(rows.size());
                    for (Row r : rows) {
                        boolean calibrated = r.getDouble("a") != null;
                        ItemParameters parameters = calibrated ? new ItemParameters(r.getDouble("a"), r.getDouble("b"), r.getDouble("c"))
                                : ItemParameters.defaults(r.getInteger("difficulty_level"), r.getInteger("option_count"));
                        Double shP = r.getDouble("sh_p");
                        items.add(new PoolItem(r.getUUID("item_id"), r.getInteger("live_version"), r.getUUID("topic_id"),
                                List.of(r.getArrayOfUUIDs("topic_path")), r.getString("difficulty"), parameters, calibrated,
                                shP == null ? 1.0 : shP));
                    }
                    return items;
                });
    }

    /** The tenant's exam codes with published items, and how many each has. */
    public Uni<List<ExamCount>> exams(SqlClient client, String tenantId) {
        return client.preparedQuery("SELECT exam_code, count(*) AS items FROM pool_entry WHERE tenant_id = $1 GROUP BY exam_code ORDER BY exam_code")
                .execute(Tuple.of(tenantId)).map(rows -> {
                    List<ExamCount> exams = new ArrayList<>();
                    rows.forEach(r -> exams.add(new ExamCount(r.getString("exam_code"), r.getLong("items").intValue())));
                    return exams;
                });
    }

    public record ExamCount(String examCode, int items) {
    }

    /** The exam's pool revision, 0 before its first item. */
    public Uni<Long> revision(SqlClient client, String tenantId, String examCode) {
        return client.preparedQuery("SELECT revision FROM pool_revision WHERE tenant_id = $1 AND exam_code = $2")
                .execute(Tuple.of(tenantId, examCode)).map(rows -> rows.size() == 0 ? 0L : rows.iterator().next().getLong(0));
    }

    public Uni<ItemContent> content(SqlClient client, UUID itemId, int version) {
        return client.preparedQuery("SELECT * FROM pool_item_version WHERE item_id = $1 AND version = $2")
                .execute(Tuple.of(itemId, version)).map(rows -> rows.size() == 0 ? null : content(rows.iterator().next()));
    }

    /** Several versions in one query, keyed by {@link #key}. */
    public Uni<Map<String, ItemContent>> contents(SqlClient client, List<UUID> itemIds, List<Integer> versions) {
        if (itemIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return client.preparedQuery("""
                SELECT v.* FROM unnest($1::uuid[], $2::int4[]) AS k(item_id, version)
                  JOIN pool_item_version v ON v.item_id = k.item_id AND v.version = k.version""")
                .execute(Tuple.of(itemIds.toArray(UUID[]::new), versions.toArray(Integer[]::new))).map(rows -> {
                    Map<String, ItemContent> map = new HashMap<>();
                    for (Row r : rows) {
                        ItemContent c = content(r);
                        map.put(key(c.itemId(), c.version()), c);
                    }
                    return map;
                });
    }

    public static String key(UUID itemId, int version) {
        return itemId + ":" + version;
    }

    private static ItemContent content(Row r) {
        return new ItemContent(r.getUUID("item_id"), r.getInteger("version"), r.getString("tenant_id"), r.getUUID("topic_id"),
                r.getString("topic_name"), r.getString("stem"), r.getString("lead_in"),
                EventJson.readList(r.getString("options_json"), ItemOption.class), r.getString("correct_label").trim(),
                r.getString("rationale"), r.getString("difficulty"), r.getInteger("difficulty_level"));
    }
}
