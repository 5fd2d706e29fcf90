package io.qbank.generation.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.qbank.common.events.EventJson;
import io.qbank.common.events.ItemOption;
import io.qbank.generation.domain.PersonalItem;
import io.qbank.generation.domain.Scope;
import io.qbank.generation.service.Embedder;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** The questions of learners' personal study sets; every read and write is scoped to the owner. */
@ApplicationScoped
public class PersonalItemRepository {

    private static final String COLUMNS = "id, job_id, material_ids, version, state, topic, difficulty, stem, lead_in, options::text AS options_json, "
            + "rationale, quality, notes, source_chunk_ids, report_reason, report_comment, proposed_at, model, prompt_version, created_at, updated_at";

    /** A new question with what de-duplication compares later questions against. */
    public record New(PersonalItem item, float[] embedding) {
    }

    public Uni<Void> insert(SqlClient client, Scope scope, List<New> items) {
        if (items.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = new ArrayList<>(items.size());
        for (New n : items) {
            PersonalItem i = n.item();
            rows.add(Tuple.from(new Object[] { i.id(), scope.tenantId(), scope.owner(), i.jobId(), i.materialIds().toArray(UUID[]::new),
                    i.topic(), (short) i.difficulty(), i.stem(), i.leadIn(), EventJson.write(i.options()), i.rationale(), i.quality(),
                    i.validationNotes().toArray(String[]::new), i.sourceChunkIds().toArray(UUID[]::new), Embedder.boxed(n.embedding()),
                    i.model(), i.promptVersion(), utc(i.createdAt()) }));
        }
        return client.preparedQuery("""
                INSERT INTO personal_item (id, tenant_id, owner_id, job_id, material_ids, topic, difficulty, stem, lead_in, options, rationale,
                       quality, notes, source_chunk_ids, embedding, model, prompt_version, created_at, updated_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::text::jsonb, $11, $12, $13, $14, $15, $16, $17, $18, $18)""")
                .executeBatch(rows).replaceWithVoid();
    }

    /** The owner's questions, newest first, optionally of one material or one job. */
    public Uni<List<PersonalItem>> list(SqlClient client, Scope scope, UUID materialId, UUID jobId, int limit, int offset) {
        return client.preparedQuery("SELECT " + COLUMNS + " " + """
                  FROM personal_item WHERE tenant_id = $1 AND owner_id = $2
                   AND ($3::uuid IS NULL OR $3::uuid = ANY (material_ids)) AND ($4::uuid IS NULL OR job_id = $4)
                 ORDER BY created_at DESC, id LIMIT $5 OFFSET $6""")
                .execute(Tuple.from(new Object[] { scope.tenantId(), scope.owner(), materialId, jobId, limit, offset }))
                .map(PersonalItemRepository::all);
    }

    public Uni<Long> count(SqlClient client, Scope scope, UUID materialId, UUID jobId) {
        return client.preparedQuery("""
                SELECT count(*) FROM personal_item WHERE tenant_id = $1 AND owner_id = $2
                   AND ($3::uuid IS NULL OR $3::uuid = ANY (material_ids)) AND ($4::uuid IS NULL OR job_id = $4)""")
                .execute(Tuple.of(scope.tenantId(), scope.owner(), materialId, jobId)).map(rows -> rows.iterator().next().getLong(0));
    }

    /** The owner's question, locked until the transaction ends when {@code lock}; null if it is not theirs. */
    public Uni<PersonalItem> find(SqlClient client, Scope scope, UUID id, boolean lock) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM personal_item WHERE id = $1 AND tenant_id = $2 AND owner_id = $3"
                + (lock ? " FOR UPDATE" : ""))
                .execute(Tuple.of(id, scope.tenantId(), scope.owner())).map(rows -> rows.size() == 0 ? null : item(rows.iterator().next()));
    }

    /** Its owner's edit: a new version, active again (an edit answers a report). */
    public Uni<PersonalItem> edit(SqlClient client, Scope scope, UUID id, String stem, String leadIn, List<ItemOption> options, String rationale,
            double quality, List<String> notes, float[] embedding) {
        return client.preparedQuery("""
                UPDATE personal_item SET version = version + 1, state = 'active', report_reason = NULL, report_comment = NULL, stem = $4,
                       lead_in = $5, options = $6::text::jsonb, rationale = $7, quality = $8, notes = $9, embedding = $10, updated_at = now()
                 WHERE id = $1 AND tenant_id = $2 AND owner_id = $3 RETURNING\s""" + COLUMNS)
                .execute(Tuple.from(new Object[] { id, scope.tenantId(), scope.owner(), stem, leadIn, EventJson.write(options), rationale, quality,
                        notes.toArray(String[]::new), Embedder.boxed(embedding) }))
                .map(rows -> item(rows.iterator().next()));
    }

    public Uni<PersonalItem> report(SqlClient client, Scope scope, UUID id, String reason, String comment) {
        return client.preparedQuery("""
                UPDATE personal_item SET state = 'reported', report_reason = $4, report_comment = $5, updated_at = now()
                 WHERE id = $1 AND tenant_id = $2 AND owner_id = $3 RETURNING\s""" + COLUMNS)
                .execute(Tuple.from(new Object[] { id, scope.tenantId(), scope.owner(), reason, comment })).map(rows -> item(rows.iterator().next()));
    }

    public Uni<PersonalItem> proposed(SqlClient client, Scope scope, UUID id, Instant at) {
        return client.preparedQuery("""
                UPDATE personal_item SET proposed_at = $4 WHERE id = $1 AND tenant_id = $2 AND owner_id = $3 RETURNING\s""" + COLUMNS)
                .execute(Tuple.of(id, scope.tenantId(), scope.owner(), utc(at))).map(rows -> item(rows.iterator().next()));
    }

    /** Deletes the owner's questions made from the material, returning them (for their removal events). */
    public Uni<List<PersonalItem>> deleteOfMaterial(SqlClient client, Scope scope, UUID materialId) {
        return client.preparedQuery("DELETE FROM personal_item WHERE tenant_id = $1 AND owner_id = $2 AND $3 = ANY (material_ids) RETURNING "
                + COLUMNS).execute(Tuple.of(scope.tenantId(), scope.owner(), materialId)).map(PersonalItemRepository::all);
    }

    public Uni<Boolean> delete(SqlClient client, Scope scope, UUID id) {
        return client.preparedQuery("DELETE FROM personal_item WHERE id = $1 AND tenant_id = $2 AND owner_id = $3")
                .execute(Tuple.of(id, scope.tenantId(), scope.owner())).map(rows -> rows.rowCount() == 1);
    }

    private static List<PersonalItem> all(RowSet<Row> rows) {
        List<PersonalItem> out = new ArrayList<>(rows.size());
        rows.forEach(r -> out.add(item(r)));
        return out;
    }

    private static PersonalItem item(Row r) {
        return new PersonalItem(r.getUUID("id"), r.getUUID("job_id"), Arrays.asList(r.getArrayOfUUIDs("material_ids")), r.getInteger("version"),
                r.getString("state"), r.getString("topic"), r.getShort("difficulty"), r.getString("stem"), r.getString("lead_in"),
                EventJson.readList(r.getString("options_json"), ItemOption.class), r.getString("rationale"), r.getDouble("quality"),
                Arrays.asList(r.getArrayOfStrings("notes")), Arrays.asList(r.getArrayOfUUIDs("source_chunk_ids")), r.getString("report_reason"),
                r.getString("report_comment"), instant(r.getOffsetDateTime("proposed_at")), r.getString("model"), r.getString("prompt_version"),
                instant(r.getOffsetDateTime("created_at")), instant(r.getOffsetDateTime("updated_at")));
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }
}
