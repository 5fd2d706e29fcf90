package io.qbank.generation.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.qbank.common.error.ApiException;
import io.qbank.common.error.Problem.Violation;
import io.qbank.common.events.ItemOption;
import io.qbank.common.events.PersonalItemChanged;
import io.qbank.common.events.PersonalItemProposed;
import io.qbank.common.outbox.OutboxWriter;
import io.qbank.common.writing.ItemWritingChecks;
import io.qbank.generation.domain.GenerationJob;
import io.qbank.generation.domain.PersonalItem;
import io.qbank.generation.domain.Scope;
import io.qbank.generation.domain.SourcePassage;
import io.qbank.generation.repository.JobRepository;
import io.qbank.generation.repository.PersonalItemRepository;
import io.qbank.generation.service.GenerationService.Accepted;
import io.qbank.generation.service.GenerationService.Decision;
import io.qbank.generation.service.Retriever.RetrievedChunk;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Learners' personal study sets: the questions a personal job made (kept here, announced as {@code PersonalItemChanged}
 * for review to schedule), their owner's edits, reports and discards, and the deletion of a material with all that was
 * made from it. Every change and its event commit in one transaction.
 */
@ApplicationScoped
public class PersonalItems {

    /** A question with the passages it was written from. */
    public record WithSources(PersonalItem item, List<SourcePassage> sources) {
    }

    /** An owner's edit of a question: the version it edits, and the whole new content (options in order, labelled A, B, …). */
    public record Edit(int version, String stem, String leadIn, List<OptionText> options, String correctLabel, String rationale) {
    }

    public record OptionText(String text, String explanation) {
    }

    private final Pool pool;
    private final PersonalItemRepository items;
    private final JobRepository jobs;
    private final Embedder embedder;
    private final OutboxWriter outbox;

    public PersonalItems(Pool pool, PersonalItemRepository items, JobRepository jobs, Embedder embedder, OutboxWriter outbox) {
        this.pool = pool;
        this.items = items;
        this.jobs = jobs;
        this.embedder = embedder;
        this.outbox = outbox;
    }

    /** The job's outcome and its valid new questions, in one transaction; nothing is kept if the job was cancelled meanwhile. */
    Uni<Void> keep(Scope scope, GenerationJob job, List<RetrievedChunk> chunks, Decision decision, String model, String promptVersion) {
        Instant now = Instant.now();
        List<UUID> sources = chunks.stream().map(RetrievedChunk::chunkId).toList();
        List<UUID> materials = job.materialIds() != null ? job.materialIds() : chunks.stream().map(RetrievedChunk::materialId).distinct().toList();
        List<PersonalItemRepository.New> made = new ArrayList<>();
        for (Accepted a : decision.accepted()) {
            made.add(new PersonalItemRepository.New(new PersonalItem(a.draftId(), job.id(), materials, 1, PersonalItemChanged.ACTIVE, job.topic(),
                    job.difficulty(), a.item().vignette().strip(), a.item().question().strip(), GenerationService.options(a.item()),
                    GenerationService.rationale(a.item()), a.report().qualityScore(), GenerationService.notes(a.report()), sources, null, null,
                    null, model, promptVersion, now, now), a.embedding()));
        }
        return pool.withTransaction(c -> jobs.finish(c, job.id(), decision.generated(), made.size(), decision.rejected(), decision.duplicates(),
                decision.outcomes())
                .chain(kept -> !kept ? Uni.createFrom().voidItem()
                        : items.insert(c, scope, made)
                                .chain(() -> outbox.appendAll(c, made.stream().map(n -> changed(scope, n.item(), now)).toList()))));
    }

    public Uni<List<PersonalItem>> list(Scope scope, UUID materialId, UUID jobId, int page, int size) {
        return items.list(pool, scope, materialId, jobId, size, page * size);
    }

    public Uni<Long> count(Scope scope, UUID materialId, UUID jobId) {
        return items.count(pool, scope, materialId, jobId);
    }

    public Uni<WithSources> get(Scope scope, UUID id) {
        return items.find(pool, scope, id, false).onItem().ifNull().failWith(() -> ApiException.notFound("Question", id))
                .chain(item -> jobs.passages(scope, item.sourceChunkIds()).map(passages -> new WithSources(item, passages)));
    }

    /**
     * A new version of the question, checked as generation checks: a rule it breaks outright answers 422 with the rule and
     * nothing changes; 409 if it was changed since {@code version}.
     */
    public Uni<PersonalItem> edit(Scope scope, UUID id, Edit edit) {
        List<String> texts = edit.options().stream().map(OptionText::text).toList();
        int key = -1;
        List<ItemOption> options = new ArrayList<>();
        for (int i = 0; i < edit.options().size(); i++) {
            String label = String.valueOf((char) ('A' + i));
            key = label.equals(edit.correctLabel()) ? i : key;
            OptionText o = edit.options().get(i);
            options.add(new ItemOption(label, o.text().strip(), label.equals(edit.correctLabel()),
                    o.explanation() == null || o.explanation().isBlank() ? null : o.explanation().strip()));
        }
        if (key < 0) {
            throw ApiException.unprocessable("the key must be one of the options",
                    List.of(new Violation("correctLabel", "must be one of A–" + (char) ('A' + edit.options().size() - 1))));
        }
        Integer keyIndex = key;
        return pool.withTransaction(c -> items.find(c, scope, id, true).chain(item -> {
            if (item == null) {
                throw ApiException.notFound("Question", id);
            }
            if (item.version() != edit.version()) {
                throw ApiException.conflict("the question was changed since version " + edit.version() + ": it is at version " + item.version());
            }
            ItemWritingChecks.Report report = ItemWritingChecks.check(new ItemWritingChecks.Item(edit.stem(), edit.leadIn(), texts, keyIndex,
                    edit.rationale()), item.difficulty());
            if (!report.valid()) {
                throw ApiException.unprocessable("the question breaks " + String.join("; ", report.rejections()),
                        report.findings().stream().filter(f -> f.severity() == ItemWritingChecks.Severity.REJECT)
                                .map(f -> new Violation(f.field(), f.code() + ": " + f.message())).toList());
            }
            return Uni.createFrom().item(() -> embedder.embed(edit.stem() + "\n" + edit.leadIn() + "\nAnswer: " + texts.get(keyIndex)))
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                    .chain(embedding -> items.edit(c, scope, id, edit.stem().strip(), edit.leadIn().strip(), options, edit.rationale().strip(),
                            report.qualityScore(), GenerationService.notes(report), embedding))
                    .call(edited -> outbox.appendAll(c, List.of(changed(scope, edited, Instant.now()))));
        }));
    }

    /** Reported by its owner: kept, and served nowhere until they edit it. */
    public Uni<PersonalItem> report(Scope scope, UUID id, String reason, String comment) {
        return pool.withTransaction(c -> items.find(c, scope, id, true).onItem().ifNull().failWith(() -> ApiException.notFound("Question", id))
                .chain(() -> items.report(c, scope, id, reason, comment))
                .call(reported -> outbox.appendAll(c, List.of(changed(scope, reported, Instant.now())))));
    }

    /**
     * A copy of the question for the tenant's authors ({@code PersonalItemProposed}): a draft in authoring with who
     * proposed it and from which material, reviewed and published only by the tenant's people. Once per question; a
     * reported question is fixed first (409 for both).
     */
    public Uni<PersonalItem> propose(Scope scope, UUID id) {
        Instant now = Instant.now();
        return pool.withTransaction(c -> items.find(c, scope, id, true).chain(item -> {
            if (item == null) {
                throw ApiException.notFound("Question", id);
            }
            if (item.proposedAt() != null) {
                throw ApiException.conflict("you proposed this question on " + item.proposedAt() + " already");
            }
            if (!item.state().equals(PersonalItemChanged.ACTIVE)) {
                throw ApiException.conflict("you reported this question: edit it before proposing it");
            }
            return c.preparedQuery("SELECT title FROM source_material WHERE id = ANY ($1) AND tenant_id = $2 AND owner_id = $3 ORDER BY title")
                    .execute(Tuple.of(item.materialIds().toArray(UUID[]::new), scope.tenantId(), scope.owner()))
                    .chain(rows -> {
                        List<String> titles = new ArrayList<>();
                        rows.forEach(r -> titles.add(r.getString(0)));
                        PersonalItemProposed proposal = new PersonalItemProposed(UUID.randomUUID(), item.id(), scope.tenantId(), scope.owner(), titles,
                                item.topic(), item.stem(), item.leadIn(), item.options(), item.rationale(),
                                GenerationPrompt.difficultyLabel(item.difficulty()), item.difficulty(), item.model(), item.promptVersion(), item.quality(),
                                item.validationNotes(), now);
                        return outbox.appendAll(c, List.of(new OutboxWriter.Pending(scope.tenantId(), item.jobId().toString(), item.id().toString(),
                                proposal)));
                    })
                    .chain(() -> items.proposed(c, scope, id, now));
        }));
    }

    /** Discarded by its owner: gone here, and from their schedules and statistics once the removal has been consumed. */
    public Uni<Void> discard(Scope scope, UUID id) {
        return pool.withTransaction(c -> items.find(c, scope, id, true).onItem().ifNull().failWith(() -> ApiException.notFound("Question", id))
                .chain(item -> items.delete(c, scope, id).chain(() -> outbox.appendAll(c, List.of(removed(scope, item, Instant.now()))))));
    }

    /**
     * The material, its chunks, the jobs that drew on it and the questions they made, in one transaction, with a removal
     * event per question so that every service deletes what it derived from them. 404 if it is not the learner's.
     */
    public Uni<Void> deleteMaterial(Scope scope, UUID materialId) {
        Instant now = Instant.now();
        return pool.withTransaction(c -> c.preparedQuery("""
                SELECT id FROM source_material WHERE id = $1 AND tenant_id = $2 AND personal AND owner_id = $3 FOR UPDATE""")
                .execute(Tuple.of(materialId, scope.tenantId(), scope.owner()))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        throw ApiException.notFound("Material", materialId);
                    }
                    return items.deleteOfMaterial(c, scope, materialId);
                })
                .call(gone -> outbox.appendAll(c, gone.stream().map(item -> removed(scope, item, now)).toList()))
                .call(() -> deleteDerived(c, scope, materialId)))
                .replaceWithVoid();
    }

    private static Uni<Void> deleteDerived(SqlConnection c, Scope scope, UUID materialId) {
        return c.preparedQuery("DELETE FROM generation_job WHERE tenant_id = $1 AND owner_id = $2 AND $3 = ANY (material_ids)")
                .execute(Tuple.of(scope.tenantId(), scope.owner(), materialId))
                .chain(() -> c.preparedQuery("DELETE FROM material_chunk WHERE material_id = $1").execute(Tuple.of(materialId)))
                .chain(() -> c.preparedQuery("DELETE FROM source_material WHERE id = $1").execute(Tuple.of(materialId)))
                .replaceWithVoid();
    }

    static OutboxWriter.Pending changed(Scope scope, PersonalItem item, Instant at) {
        return new OutboxWriter.Pending(scope.tenantId(), item.id().toString(), item.id().toString(), new PersonalItemChanged(item.id(),
                scope.tenantId(), scope.owner(), item.version(), item.state(), item.materialIds(), item.topic(),
                GenerationPrompt.difficultyLabel(item.difficulty()), item.stem(), item.leadIn(), item.options(), item.correctLabel(),
                item.rationale(), at));
    }

    private static OutboxWriter.Pending removed(Scope scope, PersonalItem item, Instant at) {
        return new OutboxWriter.Pending(scope.tenantId(), item.id().toString(), item.id().toString(),
                PersonalItemChanged.removed(item.id(), scope.tenantId(), scope.owner(), item.version(), at));
    }
}
