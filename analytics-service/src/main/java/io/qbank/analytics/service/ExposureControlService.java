package io.qbank.analytics.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.qbank.analytics.config.AnalyticsConfig;
import io.qbank.analytics.domain.AnalyticsJob;
import io.qbank.analytics.repository.JobRepository;
import io.qbank.common.events.ExposureControlUpdated;
import io.qbank.common.outbox.OutboxWriter;
import io.qbank.common.persistence.Sql;
import io.qbank.common.psychometrics.ItemParameters;
import io.qbank.common.psychometrics.SympsonHetter;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The Sympson–Hetter job of one exam: the items live in the exam with their calibrations (uncalibrated items with the
 * same defaults delivery uses), the iterative simulation of {@link SympsonHetter} on a worker thread, then one
 * {@code ExposureControlUpdated} per item through the outbox, in the transaction that stores the parameters.
 */
@ApplicationScoped
public class ExposureControlService {

    public record Request(String examCode, double targetRate, int examinees, int quizLength) {
    }

    private record PoolItem(UUID itemId, int version, ItemParameters parameters) {
    }

    private final Pool pool;
    private final JobRepository jobs;
    private final OutboxWriter outbox;
    private final AnalyticsConfig config;

    public ExposureControlService(Pool pool, JobRepository jobs, OutboxWriter outbox, AnalyticsConfig config) {
        this.pool = pool;
        this.jobs = jobs;
        this.outbox = outbox;
        this.config = config;
    }

    public Uni<AnalyticsJob> start(String tenantId, String requestedBy, Request request) {
        return jobs.start(tenantId, AnalyticsJob.EXPOSURE_CONTROL, requestedBy, JsonObject.of("examCode", request.examCode(),
                "targetRate", request.targetRate(), "examinees", request.examinees(), "quizLength", request.quizLength()))
                .invoke(job -> jobs.runInBackground(job, run(job.jobId(), tenantId, request)));
    }

    /** The work of the job: its summary. */
    Uni<JsonObject> run(UUID jobId, String tenantId, Request request) {
        AnalyticsConfig.ExposureControl settings = config.exposureControl();
        return bank(tenantId, request.examCode())
                .chain(items -> {
                    if (items.isEmpty()) {
                        return Uni.createFrom().failure(new IllegalStateException("no live items in exam " + request.examCode()));
                    }
                    return Uni.createFrom().item(() -> SympsonHetter.parameters(items.stream().map(PoolItem::parameters).toList(),
                            request.targetRate(), request.examinees(), Math.min(request.quizLength(), items.size()), settings.shortlist(),
                            settings.iterations(), settings.tolerance(), new SplittableRandom(),
                            it -> jobs.progress(jobId, JsonObject.of("iteration", it.number(), "maxExposureRate", it.maxExposureRate(),
                                    "rmse", it.rmse())).subscribe().with(x -> { }, f -> { })))
                            .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                            .chain(result -> store(tenantId, jobId, request, items, result));
                });
    }

    private Uni<List<PoolItem>> bank(String tenantId, String examCode) {
        return pool.preparedQuery("""
                SELECT d.item_id, d.version, d.difficulty_level, d.option_count, c.a, c.b, c.c
                  FROM item_dim d LEFT JOIN item_calibration c ON c.item_id = d.item_id AND c.version = d.version
                 WHERE d.tenant_id = $1 AND $2 = ANY (d.exam_codes) ORDER BY d.item_id""")
                .execute(Tuple.of(tenantId, examCode))
                .map(rows -> {
                    List<PoolItem> items = new ArrayList<>();
                    for (Row r : rows) {
                        ItemParameters parameters = r.getDouble("a") != null
                                ? new ItemParameters(r.getDouble("a"), r.getDouble("b"), r.getDouble("c"))
                                : ItemParameters.defaults(r.getInteger("difficulty_level"),
                                        r.getInteger("option_count") == null ? 5 : r.getInteger("option_count"));
                        items.add(new PoolItem(r.getUUID("item_id"), r.getInteger("version"), parameters));
                    }
                    return items;
                });
    }

    private Uni<JsonObject> store(String tenantId, UUID jobId, Request request, List<PoolItem> items, SympsonHetter.Result result) {
        Instant now = Instant.now();
        List<ExposureControlUpdated> events = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            events.add(new ExposureControlUpdated(items.get(i).itemId(), items.get(i).version(), tenantId, result.shP()[i],
                    request.targetRate(), now));
        }
        JsonArray iterations = new JsonArray();
        result.iterations().forEach(it -> iterations.add(JsonObject.of("iteration", it.number(), "maxExposureRate", it.maxExposureRate(),
                "rmse", it.rmse())));
        return pool.withTransaction(connection -> connection.preparedQuery("""
                INSERT INTO item_exposure_control (item_id, version, tenant_id, sh_p, target_rate, updated_at, job_id)
                SELECT i, v, $3, p, $5, $6, $7 FROM unnest($1::uuid[], $2::int[], $4::float8[]) AS x(i, v, p)
                ON CONFLICT (item_id, version) DO UPDATE SET sh_p = excluded.sh_p, target_rate = excluded.target_rate,
                       updated_at = excluded.updated_at, job_id = excluded.job_id
                 WHERE item_exposure_control.tenant_id = excluded.tenant_id""")
                .execute(Tuple.from(new Object[] { Sql.column(events, ExposureControlUpdated::itemId, UUID[]::new),
                        Sql.column(events, ExposureControlUpdated::version, Integer[]::new), tenantId,
                        Sql.column(events, ExposureControlUpdated::shP, Double[]::new), request.targetRate(), Sql.utc(now), jobId }))
                .chain(() -> outbox.appendAll(connection, events.stream()
                        .map(e -> new OutboxWriter.Pending(tenantId, e.itemId().toString(), e.itemId() + "/" + e.version(), e)).toList())))
                .replaceWith(JsonObject.of("items", items.size(), "maxExposureRate", result.maxExposureRate(), "iterations", iterations));
    }
}
