package io.qbank.analytics.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.qbank.analytics.domain.AnalyticsJob;
import io.qbank.common.error.ApiException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;

/** The long jobs' rows: their state, progress and outcome, kept as history. */
@ApplicationScoped
public class JobRepository {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(JobRepository.class);

    private static final String COLUMNS = "job_id, tenant_id, kind, state, requested_by, parameters, progress, result, error, created_at, started_at, finished_at";

    private final Pool pool;

    public JobRepository(Pool pool) {
        this.pool = pool;
    }

    /** A new running job; 409 while another job of the kind runs for the tenant. */
    public Uni<AnalyticsJob> start(String tenantId, String kind, String requestedBy, JsonObject parameters) {
        return pool.preparedQuery("INSERT INTO analytics_job (job_id, tenant_id, kind, state, requested_by, parameters, started_at) "
                + "VALUES ($1, $2, $3, 'running', $4, $5, now()) RETURNING " + COLUMNS)
                .execute(Tuple.of(UUID.randomUUID(), tenantId, kind, requestedBy, parameters))
                .map(rows -> job(rows.iterator().next()))
                .onFailure(f -> f instanceof PgException pg && "23505".equals(pg.getSqlState()))
                .transform(f -> ApiException.conflict("a " + kind + " job is already running for this tenant"));
    }

    public Uni<Void> progress(UUID jobId, JsonObject progress) {
        return pool.preparedQuery("UPDATE analytics_job SET progress = $2 WHERE job_id = $1 AND state = 'running'")
                .execute(Tuple.of(jobId, progress)).replaceWithVoid();
    }

    public Uni<Void> finish(UUID jobId, JsonObject result, String error) {
        return pool.preparedQuery("""
                UPDATE analytics_job SET state = CASE WHEN $3::text IS NULL THEN 'succeeded' ELSE 'failed' END, result = $2, error = $3,
                       finished_at = now() WHERE job_id = $1""")
                .execute(Tuple.of(jobId, result, error)).replaceWithVoid();
    }

    /**
     * Runs a started job's work in the background: its summary, or its failure's message, goes on the job's row, so the job
     * always ends succeeded or failed.
     */
    public void runInBackground(AnalyticsJob job, Uni<JsonObject> work) {
        work.chain(summary -> finish(job.jobId(), summary, null))
                .onFailure().recoverWithUni(failure -> {
                    LOG.errorf(failure, "%s job %s failed", job.kind(), job.jobId());
                    return finish(job.jobId(), null, String.valueOf(failure.getMessage()));
                })
                .subscribe().with(done -> { }, failure -> LOG.errorf(failure, "%s job %s: its outcome could not be recorded", job.kind(), job.jobId()));
    }

    /** Jobs a stopped process left running can never finish: they are failed at start-up. */
    public Uni<Integer> failInterrupted() {
        return pool.query("UPDATE analytics_job SET state = 'failed', error = 'interrupted: the service stopped while the job ran', "
                + "finished_at = now() WHERE state IN ('queued', 'running')").execute().map(rows -> rows.rowCount());
    }

    public Uni<AnalyticsJob> find(String tenantId, UUID jobId) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM analytics_job WHERE job_id = $1 AND tenant_id = $2")
                .execute(Tuple.of(jobId, tenantId))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        throw ApiException.notFound("job", jobId);
                    }
                    return job(rows.iterator().next());
                });
    }

    public Uni<List<AnalyticsJob>> history(String tenantId, String kind, int limit) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM analytics_job WHERE tenant_id = $1 AND ($2::text IS NULL OR kind = $2) "
                + "ORDER BY created_at DESC LIMIT $3")
                .execute(Tuple.of(tenantId, kind, limit))
                .map(rows -> {
                    List<AnalyticsJob> jobs = new ArrayList<>();
                    rows.forEach(r -> jobs.add(job(r)));
                    return jobs;
                });
    }

    private static AnalyticsJob job(Row r) {
        return new AnalyticsJob(r.getUUID("job_id"), r.getString("kind"), r.getString("state"), r.getString("requested_by"),
                json(r, "parameters"), json(r, "progress"), json(r, "result"), r.getString("error"),
                r.getOffsetDateTime("created_at").toInstant(),
                r.getOffsetDateTime("started_at") == null ? null : r.getOffsetDateTime("started_at").toInstant(),
                r.getOffsetDateTime("finished_at") == null ? null : r.getOffsetDateTime("finished_at").toInstant());
    }

    private static java.util.Map<String, Object> json(Row r, String column) {
        Object value = r.getValue(column);
        return value instanceof JsonObject o ? o.getMap() : null;
    }
}
