package io.qbank.generation.service;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.qbank.common.error.ApiException;
import io.qbank.common.events.DraftGenerated;
import io.qbank.common.events.ItemOption;
import io.qbank.common.outbox.OutboxWriter;
import io.qbank.common.redis.RedisStatus;
import io.qbank.common.security.CurrentUser;
import io.qbank.common.writing.ItemWritingChecks;
import io.qbank.generation.config.GenerationConfig;
import io.qbank.generation.domain.GeneratedItem;
import io.qbank.generation.domain.GenerationJob;
import io.qbank.generation.domain.Scope;
import io.qbank.generation.domain.SourcePassage;
import io.qbank.generation.llm.LlmClient;
import io.qbank.generation.repository.JobRepository;
import io.qbank.generation.rest.JobRequest;
import io.qbank.generation.service.Retriever.RetrievedChunk;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Generation jobs: admitted under the rate limits, queued, then run in the background — retrieval, one LLM call with
 * the NBME prompt, parsing, validation, de-duplication — and the valid, new items go to authoring as
 * {@code DraftGenerated} through the outbox, in the transaction that records the job's outcome. Nothing generated is
 * ever published here.
 */
@ApplicationScoped
public class GenerationService {

    private static final Logger LOG = Logger.getLogger(GenerationService.class);

    private final JobRepository jobs;
    private final Retriever retriever;
    private final Embedder embedder;
    private final PublishedItems published;
    private final LlmClient llm;
    private final OutboxWriter outbox;
    private final Pool pool;
    private final ReactiveValueCommands<String, Long> counters;
    private final ReactiveRedisDataSource redis;
    private final RedisStatus redisStatus;
    private final Map<String, AtomicLong> localWindows = new ConcurrentHashMap<>();
    private final GenerationConfig config;
    private final PersonalItems personal;

    public GenerationService(JobRepository jobs, Retriever retriever, Embedder embedder, PublishedItems published, LlmClient llm,
            OutboxWriter outbox, Pool pool, ReactiveRedisDataSource redis, RedisStatus redisStatus, GenerationConfig config,
            PersonalItems personal) {
        this.personal = personal;
        this.jobs = jobs;
        this.retriever = retriever;
        this.embedder = embedder;
        this.published = published;
        this.llm = llm;
        this.outbox = outbox;
        this.pool = pool;
        this.redis = redis;
        this.redisStatus = redisStatus;
        this.counters = redis.value(Long.class);
        this.config = config;
    }

    void failInterrupted(@Observes StartupEvent start) {
        jobs.failInterrupted().subscribe().with(n -> {
            if (n > 0) {
                LOG.warnf("%d generation jobs were interrupted by a restart and are marked failed", n);
            }
        }, failure -> LOG.warn("could not check for interrupted generation jobs", failure));
    }

    /** An author's job: 503 without a provider, 429 over a rate limit or the tenant's concurrent jobs; else the queued job, already started. */
    public Uni<GenerationJob> start(CurrentUser user, JobRequest request) {
        requireProvider();
        Instant now = Instant.now();
        return admit("rl:generation:user:" + user.tenantId() + ":" + user.userId(), Window.HOUR, now, config.jobsPerUserPerHour(), "you")
                .chain(() -> admit("rl:generation:tenant:" + user.tenantId(), Window.HOUR, now, config.jobsPerTenantPerHour(), "your tenant"))
                .chain(() -> queue(Scope.shared(user), user, request, config.maxConcurrentJobsPerTenant()));
    }

    /**
     * A learner's job on their own materials, which must be theirs (else 404) and read (embedded; else 409): under the
     * personal limits per hour and per day, the tenant's learners' hourly limit and their concurrent jobs (429).
     */
    public Uni<GenerationJob> startPersonal(CurrentUser user, JobRequest request) {
        requireProvider();
        Instant now = Instant.now();
        GenerationConfig.Personal limits = config.personal();
        String learner = "rl:generation:personal:" + user.tenantId() + ":" + user.userId();
        return requireReadable(Scope.personal(user), request.materialIds())
                .chain(() -> admit(learner, Window.HOUR, now, limits.jobsPerHour(), "you"))
                .chain(() -> admit(learner, Window.DAY, now, limits.jobsPerDay(), "you"))
                .chain(() -> admit("rl:generation:personal:" + user.tenantId(), Window.HOUR, now, limits.jobsPerTenantPerHour(), "your tenant's learners"))
                .chain(() -> queue(Scope.personal(user), user, request, limits.maxConcurrentJobsPerTenant()));
    }

    private void requireProvider() {
        if (!llm.configured()) {
            throw ApiException.serviceUnavailable("no LLM provider is configured: set QBANK_LLM_API_KEY (any value for servers without "
                    + "keys), and QBANK_LLM_BASE_URL and QBANK_LLM_MODEL for a provider other than OpenAI (Azure OpenAI, Ollama, vLLM)");
        }
    }

    private Uni<GenerationJob> queue(Scope scope, CurrentUser user, JobRequest request, int maxActive) {
        return jobs.queue(UUID.randomUUID(), scope, user.userId(), request, maxActive)
                .invoke(job -> run(scope, job).subscribe().with(x -> { }, failure -> LOG.errorf(failure, "generation job %s", job.id())));
    }

    /** 404 for a material that is not the scope's, 409 for one whose passages are still being read. */
    private Uni<Void> requireReadable(Scope scope, List<UUID> materialIds) {
        return pool.preparedQuery("""
                SELECT id, embedding_state FROM source_material
                 WHERE id = ANY ($1) AND tenant_id = $2 AND personal = $3 AND ($4::uuid IS NULL OR owner_id = $4)""")
                .execute(Tuple.of(materialIds.toArray(UUID[]::new), scope.tenantId(), scope.personal(), scope.owner()))
                .invoke(rows -> {
                    Map<UUID, String> state = new HashMap<>();
                    rows.forEach(r -> state.put(r.getUUID(0), r.getString(1)));
                    for (UUID id : materialIds) {
                        if (!state.containsKey(id)) {
                            throw ApiException.notFound("Material", id);
                        }
                        if (!state.get(id).equals("ready")) {
                            throw ApiException.conflict("material " + id + " is " + (state.get(id).equals("failed") ? "unreadable"
                                    : "still being read") + ": generate from it once it is ready");
                        }
                    }
                }).replaceWithVoid();
    }

    /** A rate limit's fixed window: its name in the counter's key and its length. */
    private enum Window {
        HOUR(DateTimeFormatter.ofPattern("yyyyMMddHH").withZone(ZoneOffset.UTC), 3600, "per hour; try again next hour"),
        DAY(DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC), 86400, "per day; try again tomorrow (UTC)");

        final DateTimeFormatter name;
        final int seconds;
        final String per;

        Window(DateTimeFormatter name, int seconds, String per) {
            this.name = name;
            this.seconds = seconds;
            this.per = per;
        }
    }

    /**
     * A fixed-window counter in Redis (lost counters only ever admit more, never refuse wrongly). While Redis is down,
     * this replica counts the window itself, so that the limit still holds per replica.
     */
    private Uni<Void> admit(String counter, Window window, Instant now, int limit, String who) {
        String key = counter + ":" + window.name() + ":" + window.name.format(now);
        Uni<Long> count = !redisStatus.available() ? Uni.createFrom().item(countLocally(key))
                : counters.incr(key).call(n -> n == 1 ? redis.key().expire(key, window.seconds) : Uni.createFrom().voidItem())
                        .onFailure().recoverWithItem(e -> {
                            redisStatus.failed(e);
                            return countLocally(key);
                        });
        return count.invoke(n -> {
            if (n > limit) {
                throw new ApiException(429, "Too many requests", who + " may start " + limit + " generation jobs " + window.per);
            }
        }).replaceWithVoid();
    }

    /** This replica's own count of a window (the key ends with its name), for while Redis is down; earlier windows are dropped. */
    private long countLocally(String key) {
        String counter = key.substring(0, key.lastIndexOf(':') + 1);
        localWindows.keySet().removeIf(k -> k.startsWith(counter) && !k.equals(key));
        return localWindows.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
    }

    Uni<Void> run(Scope scope, GenerationJob job) {
        return jobs.markRunning(job.id(), llm.model(), GenerationPrompt.VERSION)
                .chain(running -> !running ? Uni.createFrom().voidItem()
                        : retriever.retrieve(scope, job.materialIds(), job.topic() + (job.subtopic() == null ? "" : " " + job.subtopic()),
                                config.contextChunks())
                                .call(chunks -> jobs.sources(job.id(), chunks.stream().map(RetrievedChunk::chunkId).toArray(UUID[]::new)))
                                .chain(chunks -> Uni.createFrom().item(() -> llm.write(GenerationPrompt.SYSTEM, GenerationPrompt.user(job.topic(),
                                        job.subtopic(), job.difficulty(), job.studentLevel(), job.requested(), chunks)))
                                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                                        .chain(answer -> judge(scope, job, chunks, answer))))
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("generation job %s failed: %s", job.id(), failure.getMessage());
                    return jobs.fail(job.id(), reason(failure));
                });
    }

    private static String reason(Throwable failure) {
        if (failure instanceof GeneratedItemParser.UnreadableAnswer || failure instanceof LlmClient.TransientFailure
                || failure instanceof LlmClient.PermanentFailure) {
            return failure.getMessage();
        }
        if (failure instanceof org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException) {
            return "the provider failed repeatedly, so calls to it are paused for a while (circuit open); try again later";
        }
        return "generation failed: " + failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }

    /** Parses, validates and de-duplicates the answer, then keeps the outcome and the drafts in one transaction. */
    private Uni<Void> judge(Scope scope, GenerationJob job, List<RetrievedChunk> chunks, String answer) {
        List<GeneratedItem> items;
        try {
            items = GeneratedItemParser.parse(answer);
        } catch (GeneratedItemParser.UnreadableAnswer e) {
            return Uni.createFrom().failure(e);
        }
        List<GeneratedItem> generated = items.size() > job.requested() ? items.subList(0, job.requested()) : items;
        return earlier(scope).chain(earlier -> Uni.createFrom().item(() -> decide(job, generated, earlier))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .chain(decision -> scope.personal() ? personal.keep(scope, job, chunks, decision, llm.model(), GenerationPrompt.VERSION) : store(scope.tenantId(), job, chunks, decision));
    }

    /** A generated item that passed the checks and repeats nothing: {@code draftId} is its id as a draft or a personal item. */
    record Accepted(UUID draftId, GeneratedItem item, ItemWritingChecks.Report report, float[] embedding) {
    }

    record Decision(List<Accepted> accepted, int rejected, int duplicates, List<Map<String, Object>> outcomes, int generated) {
    }

    /**
     * Something a new item must not repeat: a published item ("published-item") or an earlier draft ("draft") for authors,
     * an earlier question of the learner's own set ("personal-item") for a learner.
     */
    private record Earlier(String kind, UUID id, float[] embedding) {
    }

    private Decision decide(GenerationJob job, List<GeneratedItem> items, List<Earlier> earlier) {
        List<Accepted> accepted = new ArrayList<>();
        List<Map<String, Object>> outcomes = new ArrayList<>();
        int rejected = 0, duplicates = 0;
        for (int i = 0; i < items.size(); i++) {
            GeneratedItem item = items.get(i);
            ItemWritingChecks.Report report = ItemWritingChecks.check(
                    new ItemWritingChecks.Item(item.vignette(), item.question(), item.options(), item.correctIndex(), item.explanation()),
                    job.difficulty());
            Map<String, Object> outcome = new LinkedHashMap<>();
            outcome.put("index", i);
            outcome.put("qualityScore", report.qualityScore());
            if (!report.valid()) {
                rejected++;
                outcome.put("outcome", "rejected");
                outcome.put("reasons", report.rejections());
                outcomes.add(outcome);
                continue;
            }
            float[] embedding = embedder.embed(fingerprint(item));
            UUID twin = null;
            String twinKind = null;
            double closest = 0;
            for (Earlier e : earlier) {
                double s = Embedder.cosine(embedding, e.embedding());
                if (s >= config.duplicateThreshold() && s > closest) {
                    twin = e.id();
                    twinKind = e.kind();
                    closest = s;
                }
            }
            for (Accepted a : accepted) {
                double s = Embedder.cosine(embedding, a.embedding());
                if (s >= config.duplicateThreshold() && s > closest) {
                    twin = a.draftId();
                    twinKind = "batch";
                    closest = s;
                }
            }
            if (twin != null) {
                duplicates++;
                outcome.put("outcome", "duplicate");
                outcome.put("duplicateOf", twin.toString());
                outcome.put("duplicateOfKind", twinKind);
                outcome.put("similarity", Math.round(closest * 1000) / 1000.0);
                outcomes.add(outcome);
                continue;
            }
            UUID draftId = UUID.randomUUID();
            accepted.add(new Accepted(draftId, item, report, embedding));
            outcome.put("outcome", "accepted");
            outcome.put(job.ownerId() == null ? "draftId" : "itemId", draftId.toString());
            outcome.put("warnings", notes(report));
            outcomes.add(outcome);
        }
        return new Decision(accepted, rejected, duplicates, outcomes, items.size());
    }

    /** What makes two questions the same question: the case, the question asked and the answer. */
    static String fingerprint(GeneratedItem item) {
        return item.vignette() + "\n" + item.question() + "\nAnswer: " + item.options().get(item.correctIndex());
    }

    /** The tenant's published items and earlier drafts; for a learner, the questions of their own set. */
    private Uni<List<Earlier>> earlier(Scope scope) {
        if (scope.personal()) {
            return pool.preparedQuery("SELECT id, embedding FROM personal_item WHERE tenant_id = $1 AND owner_id = $2")
                    .execute(Tuple.of(scope.tenantId(), scope.owner()))
                    .map(rows -> {
                        List<Earlier> out = new ArrayList<>(rows.size());
                        rows.forEach(row -> out.add(new Earlier("personal-item", row.getUUID(0), Embedder.unboxed(row.getArrayOfFloats(1)))));
                        return out;
                    });
        }
        String tenantId = scope.tenantId();
        return published.of(tenantId).chain(items -> pool.preparedQuery("SELECT id, embedding FROM generated_draft WHERE tenant_id = $1")
                .execute(Tuple.of(tenantId))
                .map(rows -> {
                    List<Earlier> out = new ArrayList<>(items.size() + rows.size());
                    for (PublishedItems.Embedded item : items) {
                        out.add(new Earlier("published-item", item.itemId(), item.embedding()));
                    }
                    for (Row row : rows) {
                        out.add(new Earlier("draft", row.getUUID(0), Embedder.unboxed(row.getArrayOfFloats(1))));
                    }
                    return out;
                }));
    }

    private Uni<Void> store(String tenantId, GenerationJob job, List<RetrievedChunk> chunks, Decision decision) {
        Instant now = Instant.now();
        List<UUID> sources = chunks.stream().map(RetrievedChunk::chunkId).toList();
        List<OutboxWriter.Pending> events = new ArrayList<>();
        List<Tuple> drafts = new ArrayList<>();
        for (Accepted a : decision.accepted()) {
            GeneratedItem item = a.item();
            DraftGenerated draft = new DraftGenerated(a.draftId(), job.id(), tenantId, job.requestedBy(), job.examCode(), job.topicId(),
                    job.topic(), item.vignette().strip(), item.question().strip(), options(item), rationale(item),
                    GenerationPrompt.difficultyLabel(job.difficulty()), job.difficulty(), llm.model(), GenerationPrompt.VERSION, sources,
                    a.report().qualityScore(), notes(a.report()), now);
            events.add(new OutboxWriter.Pending(tenantId, job.id().toString(), a.draftId().toString(), draft));
            drafts.add(Tuple.from(new Object[] { a.draftId(), job.id(), tenantId, draft.stem(), draft.leadIn(), a.report().qualityScore(),
                    Embedder.boxed(a.embedding()) }));
        }
        return pool.withTransaction(c -> jobs.finish(c, job.id(), decision.generated(), decision.accepted().size(), decision.rejected(),
                decision.duplicates(), decision.outcomes())
                .chain(kept -> !kept || drafts.isEmpty() ? Uni.createFrom().voidItem()
                        : c.preparedQuery("INSERT INTO generated_draft (id, job_id, tenant_id, stem, lead_in, quality, embedding) "
                                + "VALUES ($1, $2, $3, $4, $5, $6, $7)").executeBatch(drafts)
                                .chain(() -> outbox.appendAll(c, events))));
    }

    /** The item's options labelled A, B, … with the key marked and why each is right or wrong, if the model said. */
    static List<ItemOption> options(GeneratedItem item) {
        List<ItemOption> options = new ArrayList<>();
        for (int i = 0; i < item.options().size(); i++) {
            String why = item.optionExplanations() != null && i < item.optionExplanations().size() ? item.optionExplanations().get(i) : null;
            options.add(new ItemOption(String.valueOf((char) ('A' + i)), item.options().get(i).strip(), i == item.correctIndex(), why));
        }
        return options;
    }

    static String rationale(GeneratedItem item) {
        return item.explanation().strip() + (item.teachingPoints() == null || item.teachingPoints().isEmpty() ? ""
                : "\n\nTeaching points:\n- " + String.join("\n- ", item.teachingPoints()));
    }

    static List<String> notes(ItemWritingChecks.Report report) {
        return report.findings().stream().map(f -> f.code() + ": " + f.message()).toList();
    }

    public Uni<GenerationJob> find(Scope scope, UUID id) {
        return jobs.find(scope, id);
    }

    public Uni<List<SourcePassage>> passages(Scope scope, UUID id) {
        return jobs.passages(scope, id);
    }

    public Uni<List<GenerationJob>> list(Scope scope, int limit) {
        return jobs.list(scope, limit);
    }

    /** 409 when the job had already finished. */
    public Uni<GenerationJob> cancel(Scope scope, UUID id) {
        return jobs.find(scope, id).chain(job -> jobs.cancel(scope, id).chain(cancelled -> {
            if (!cancelled) {
                throw ApiException.conflict("the job has already " + job.state());
            }
            return jobs.find(scope, id);
        }));
    }
}
