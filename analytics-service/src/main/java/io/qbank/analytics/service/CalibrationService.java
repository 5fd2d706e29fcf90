package io.qbank.analytics.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.qbank.analytics.config.AnalyticsConfig;
import io.qbank.analytics.domain.AnalyticsJob;
import io.qbank.analytics.psychometrics.MmlCalibration;
import io.qbank.analytics.psychometrics.MmlCalibration.ItemEstimate;
import io.qbank.analytics.psychometrics.ResponseMatrix;
import io.qbank.analytics.repository.JobRepository;
import io.qbank.common.events.ItemCalibrated;
import io.qbank.common.outbox.OutboxWriter;
import io.qbank.common.persistence.Sql;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The calibration job of a tenant: its responses (first answer of each student to each item version, streamed from the
 * fact table), item versions with at least the minimum of responses, MML-EM on a worker thread with its progress on
 * the job row, then the estimates stored and published as {@code ItemCalibrated} through the outbox, in one transaction.
 */
@ApplicationScoped
public class CalibrationService {

    /** What a calibration run is asked to do. */
    public record Request(String model, int minimumResponses) {
    }

    private record ItemVersion(UUID itemId, int version) {
    }

    private record Data(List<ItemVersion> items, ResponseMatrix matrix, int repeatsLeftOut) {
    }

    private final Pool pool;
    private final JobRepository jobs;
    private final OutboxWriter outbox;
    private final AnalyticsConfig config;

    public CalibrationService(Pool pool, JobRepository jobs, OutboxWriter outbox, AnalyticsConfig config) {
        this.pool = pool;
        this.jobs = jobs;
        this.outbox = outbox;
        this.config = config;
    }

    public Request defaults() {
        return new Request(config.calibration().model(), config.calibration().minimumResponses());
    }

    /** Starts the job (409 while one runs) and returns it; the work continues in the background. */
    public Uni<AnalyticsJob> start(String tenantId, String requestedBy, Request request) {
        MmlCalibration.Model model = model(request.model());
        return jobs.start(tenantId, AnalyticsJob.CALIBRATION, requestedBy,
                JsonObject.of("model", model.label, "minimumResponses", request.minimumResponses()))
                .invoke(job -> jobs.runInBackground(job, run(job.jobId(), tenantId, model, request.minimumResponses())));
    }

    /** The work of the job: its summary. */
    Uni<JsonObject> run(UUID jobId, String tenantId, MmlCalibration.Model model, int minimumResponses) {
        MmlCalibration.Settings settings = new MmlCalibration.Settings(model, config.calibration().quadraturePoints(), 6,
                config.calibration().maxCycles(), config.calibration().tolerance(), 5, 17, 0, 0.5);
        AtomicLong lastReport = new AtomicLong();
        return load(tenantId, minimumResponses)
                .chain(data -> Uni.createFrom().item(() -> data.items().isEmpty() ? null
                        : MmlCalibration.calibrate(data.matrix(), settings, progress -> {
                            long now = System.currentTimeMillis();
                            if (now - lastReport.get() >= 1000) { // at most once a second
                                lastReport.set(now);
                                jobs.progress(jobId, JsonObject.of("cycle", progress.cycle(), "logLikelihood", progress.logLikelihood(),
                                        "largestChange", progress.largestChange())).subscribe().with(x -> { }, f -> { });
                            }
                        }))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                        .chain(result -> store(tenantId, jobId, model, data, result)));
    }

    private Uni<Data> load(String tenantId, int minimumResponses) {
        return pool.preparedQuery("SELECT item_id, version FROM item_version_stats WHERE tenant_id = $1 AND attempts >= $2 ORDER BY item_id, version")
                .execute(Tuple.of(tenantId, minimumResponses))
                .chain(eligibleRows -> {
                    Map<ItemVersion, Integer> index = new HashMap<>();
                    List<ItemVersion> items = new ArrayList<>();
                    for (Row row : eligibleRows) {
                        ItemVersion item = new ItemVersion(row.getUUID(0), row.getInteger(1));
                        index.put(item, items.size());
                        items.add(item);
                    }
                    ResponseMatrix.Builder matrix = new ResponseMatrix.Builder(Math.max(1, items.size()));
                    Set<Integer> answered = new HashSet<>();
                    UUID[] examinee = new UUID[1];
                    int[] skipped = new int[1];
                    // streamed by student, so neither the rows nor the student's answers are held beyond one student
                    return pool.withTransaction(connection -> connection.prepare("""
                            SELECT user_id, item_id, version, correct FROM response_fact WHERE tenant_id = $1 ORDER BY user_id, answered_at""")
                            .onItem().transformToMulti(statement -> statement.createStream(2000, Tuple.of(tenantId)).toMulti())
                            .onItem().invoke(row -> {
                                Integer item = index.get(new ItemVersion(row.getUUID(1), row.getInteger(2)));
                                if (!row.getUUID(0).equals(examinee[0])) {
                                    matrix.endExaminee();
                                    answered.clear();
                                    examinee[0] = row.getUUID(0);
                                }
                                if (item == null) {
                                    return;
                                }
                                if (answered.add(item)) {
                                    matrix.answer(item, row.getBoolean(3));
                                } else {
                                    skipped[0]++; // a repeat of an item the student saw before is no longer an independent response
                                }
                            })
                            .collect().last())
                            .replaceWith(() -> new Data(items, matrix.build(), skipped[0]));
                });
    }

    private Uni<JsonObject> store(String tenantId, UUID jobId, MmlCalibration.Model model, Data data, MmlCalibration.Result result) {
        if (result == null) {
            return Uni.createFrom().item(JsonObject.of("calibrated", 0, "examinees", 0, "responses", 0));
        }
        Instant now = Instant.now();
        List<ItemCalibrated> events = new ArrayList<>();
        int[] respondents = data.matrix().respondents();
        for (int j = 0; j < data.items().size(); j++) {
            ItemEstimate e = result.items().get(j);
            ItemVersion item = data.items().get(j);
            events.add(new ItemCalibrated(item.itemId(), item.version(), tenantId, model.label, e.a(), e.b(), e.c(), finite(e.seA()),
                    finite(e.seB()), finite(e.seC()), respondents[j], now));
        }
        return pool.withTransaction(connection -> connection.preparedQuery("""
                INSERT INTO item_calibration (item_id, version, tenant_id, model, a, b, c, se_a, se_b, se_c, respondents, calibrated_at, job_id)
                SELECT i, v, $3, $4, a, b, c, sa, sb, sc, n, $12, $13
                  FROM unnest($1::uuid[], $2::int[], $5::float8[], $6::float8[], $7::float8[], $8::float8[], $9::float8[], $10::float8[], $11::int[])
                       AS x(i, v, a, b, c, sa, sb, sc, n)
                ON CONFLICT (item_id, version) DO UPDATE SET model = excluded.model, a = excluded.a, b = excluded.b, c = excluded.c,
                       se_a = excluded.se_a, se_b = excluded.se_b, se_c = excluded.se_c, respondents = excluded.respondents,
                       calibrated_at = excluded.calibrated_at, job_id = excluded.job_id
                 WHERE item_calibration.tenant_id = excluded.tenant_id""")
                .execute(Tuple.from(new Object[] { Sql.column(events, ItemCalibrated::itemId, UUID[]::new),
                        Sql.column(events, ItemCalibrated::version, Integer[]::new), tenantId, model.label,
                        Sql.column(events, ItemCalibrated::a, Double[]::new), Sql.column(events, ItemCalibrated::b, Double[]::new),
                        Sql.column(events, ItemCalibrated::c, Double[]::new), Sql.column(events, ItemCalibrated::seA, Double[]::new),
                        Sql.column(events, ItemCalibrated::seB, Double[]::new), Sql.column(events, ItemCalibrated::seC, Double[]::new),
                        Sql.column(events, ItemCalibrated::respondents, Integer[]::new), Sql.utc(now), jobId }))
                .chain(() -> outbox.appendAll(connection, events.stream()
                        .map(e -> new OutboxWriter.Pending(tenantId, e.itemId().toString(), e.itemId() + "/" + e.version(), e)).toList())))
                .replaceWith(JsonObject.of("calibrated", events.size(), "examinees", data.matrix().examinees(), "responses",
                        data.matrix().responses(), "repeatsLeftOut", data.repeatsLeftOut(), "cycles", result.cycles(), "converged", result.converged(), "logLikelihood",
                        result.logLikelihood()));
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    static MmlCalibration.Model model(String label) {
        for (MmlCalibration.Model m : MmlCalibration.Model.values()) {
            if (m.label.equalsIgnoreCase(label)) {
                return m;
            }
        }
        throw new IllegalArgumentException("model is 2PL or 3PL, was " + label);
    }
}
