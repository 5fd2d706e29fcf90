package io.qbank.generation.repository;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.qbank.common.error.ApiException;
import io.qbank.generation.domain.GenerationJob;
import io.qbank.generation.domain.Scope;
import io.qbank.generation.domain.SourcePassage;
import io.qbank.generation.rest.JobRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

@ApplicationScoped
public class JobRepository {

    private final Pool pool;

    public JobRepository(Pool pool) {
        this.pool = pool;
    }

    /** Queues the job unless the tenant already has {@code maxActive} of its kind (shared or personal) queued or running (then 429). */
    public Uni<GenerationJob> queue(UUID id, Scope scope, UUID userId, JobRequest r, int maxActive) {
        String tenantId = scope.tenantId();
        return pool.withTransaction(c -> c.preparedQuery("SELECT pg_advisory_xact_lock(hashtext($1))").execute(Tuple.of("generation:" + tenantId))
                .chain(() -> c.preparedQuery("""
                        SELECT count(*) FROM generation_job WHERE tenant_id = $1 AND (owner_id IS NOT NULL) = $2 AND state IN ('queued', 'running')""")
                        .execute(Tuple.of(tenantId, scope.personal())))
                .chain(rows -> {
                    if (rows.iterator().next().getLong(0) >= maxActive) {
                        throw new ApiException(429, "Too many requests", "the tenant already has " + maxActive + (scope.personal() ? " personal" : "")
                                + " generation jobs queued or running; try again when one has finished");
                    }
                    return c.preparedQuery("""
                            INSERT INTO generation_job (id, tenant_id, requested_by, exam_code, topic_id, topic, subtopic, difficulty,
                                   student_level, requested, material_ids, owner_id, state)
                            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'queued') RETURNING *""")
                            .execute(Tuple.from(new Object[] { id, tenantId, userId, r.examCode(), r.topicId(), r.topic().strip(), r.subtopic(),
                                    r.difficulty().shortValue(), (short) (r.studentLevel() == null ? 3 : r.studentLevel()), r.count(),
                                    r.materialIds() == null ? null : r.materialIds().toArray(UUID[]::new), scope.owner() }));
                }))
                .map(rows -> job(rows.iterator().next()));
    }

    /** The job in the scope: another tenant's, another learner's or a personal one for authors is not found. */
    public Uni<GenerationJob> find(Scope scope, UUID id) {
        return pool.preparedQuery("SELECT * FROM generation_job WHERE id = $1 AND tenant_id = $2 AND owner_id IS NOT DISTINCT FROM $3")
                .execute(Tuple.of(id, scope.tenantId(), scope.owner()))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        throw ApiException.notFound("Generation job", id);
                    }
                    return job(rows.iterator().next());
                });
    }

    public Uni<List<GenerationJob>> list(Scope scope, int limit) {
        return pool.preparedQuery("""
                SELECT * FROM generation_job WHERE tenant_id = $1 AND owner_id IS NOT DISTINCT FROM $3 ORDER BY created_at DESC LIMIT $2""")
                .execute(Tuple.of(scope.tenantId(), limit, scope.owner()))
                .map(rows -> {
                    java.util.ArrayList<GenerationJob> out = new java.util.ArrayList<>();
                    rows.forEach(r -> out.add(job(r)));
                    return out;
                });
    }

    /** The passages the job retrieved, by material and place; 404 for a job outside the scope. */
    public Uni<List<SourcePassage>> passages(Scope scope, UUID jobId) {
        return find(scope, jobId).chain(job -> passages(scope, job.sourceChunkIds()));
    }

    /** Those of the chunks that are in the scope's materials, by material and place. */
    public Uni<List<SourcePassage>> passages(Scope scope, List<UUID> chunkIds) {
        return pool.preparedQuery("""
                SELECT c.id, c.material_id, m.title, c.ordinal, c.text
                FROM material_chunk c JOIN source_material m ON m.id = c.material_id
                WHERE c.tenant_id = $1 AND c.personal_owner IS NOT DISTINCT FROM $3 AND c.id = ANY($2) ORDER BY m.title, c.material_id, c.ordinal""")
                .execute(Tuple.of(scope.tenantId(), chunkIds.toArray(UUID[]::new), scope.owner()))
                .map(rows -> {
                    java.util.ArrayList<SourcePassage> out = new java.util.ArrayList<>();
                    rows.forEach(r -> out.add(new SourcePassage(r.getUUID(0), r.getUUID(1), r.getString(2), r.getInteger(3), r.getString(4))));
                    return out;
                });
    }

    /** queued → running; false if the job was cancelled meanwhile. */
    public Uni<Boolean> markRunning(UUID id, String model, String promptVersion) {
        return pool.preparedQuery("UPDATE generation_job SET state = 'running', started_at = now(), model = $2, prompt_version = $3 "
                + "WHERE id = $1 AND state = 'queued'").execute(Tuple.of(id, model, promptVersion)).map(rows -> rows.rowCount() == 1);
    }

    public Uni<Void> sources(UUID id, UUID[] chunkIds) {
        return pool.preparedQuery("UPDATE generation_job SET source_chunk_ids = $2 WHERE id = $1").execute(Tuple.of(id, chunkIds)).replaceWithVoid();
    }

    /** The outcome of a running job, in the caller's transaction; false if it was cancelled meanwhile (then nothing is kept). */
    public Uni<Boolean> finish(SqlClient c, UUID id, int generated, int valid, int rejected, int duplicates, List<Map<String, Object>> outcomes) {
        return c.preparedQuery("""
                UPDATE generation_job SET state = 'succeeded', finished_at = now(), generated = $2, valid = $3, rejected = $4, duplicates = $5,
                       outcomes = $6 WHERE id = $1 AND state = 'running'""")
                .execute(Tuple.of(id, generated, valid, rejected, duplicates, new JsonArray(List.copyOf(outcomes))))
                .map(rows -> rows.rowCount() == 1);
    }

    public Uni<Void> fail(UUID id, String error) {
        return pool.preparedQuery("UPDATE generation_job SET state = 'failed', finished_at = now(), error = $2 WHERE id = $1 AND state IN ('queued', 'running')")
                .execute(Tuple.of(id, error)).replaceWithVoid();
    }

    /** Cancels a queued or running job; false if it had already finished. */
    public Uni<Boolean> cancel(Scope scope, UUID id) {
        return pool.preparedQuery("UPDATE generation_job SET state = 'cancelled', finished_at = now() "
                + "WHERE id = $1 AND tenant_id = $2 AND owner_id IS NOT DISTINCT FROM $3 AND state IN ('queued', 'running')")
                .execute(Tuple.of(id, scope.tenantId(), scope.owner()))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Jobs a stopped process left queued or running cannot finish: failed at start-up. */
    public Uni<Integer> failInterrupted() {
        return pool.query("UPDATE generation_job SET state = 'failed', finished_at = now(), error = 'interrupted: the service stopped while the job ran' "
                + "WHERE state IN ('queued', 'running')").execute().map(rows -> rows.rowCount());
    }

    private static GenerationJob job(Row r) {
        JsonArray outcomes = (JsonArray) r.getValue("outcomes");
        return new GenerationJob(r.getUUID("id"), r.getString("state"), r.getString("exam_code"), r.getUUID("topic_id"), r.getString("topic"),
                r.getString("subtopic"), r.getShort("difficulty"), r.getShort("student_level"), r.getInteger("requested"),
                r.getArrayOfUUIDs("material_ids") == null ? null : Arrays.asList(r.getArrayOfUUIDs("material_ids")), r.getInteger("generated"),
                r.getInteger("valid"), r.getInteger("rejected"), r.getInteger("duplicates"),
                outcomes(outcomes), r.getString("model"),
                r.getString("prompt_version"),
                r.getArrayOfUUIDs("source_chunk_ids") == null ? List.of() : Arrays.asList(r.getArrayOfUUIDs("source_chunk_ids")),
                r.getString("error"), r.getUUID("requested_by"), r.getUUID("owner_id"), instant(r.getOffsetDateTime("created_at")),
                instant(r.getOffsetDateTime("started_at")), instant(r.getOffsetDateTime("finished_at")));
    }

    private static List<Map<String, Object>> outcomes(JsonArray array) {
        java.util.ArrayList<Map<String, Object>> out = new java.util.ArrayList<>();
        if (array != null) {
            for (Object o : array) {
                out.add(((io.vertx.core.json.JsonObject) o).getMap());
            }
        }
        return out;
    }

    private static java.time.Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
