package io.qbank.authoring.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.qbank.authoring.domain.Action;
import io.qbank.authoring.domain.Item;
import io.qbank.authoring.domain.ItemVersion;
import io.qbank.authoring.domain.OptionValue;
import io.qbank.authoring.domain.Publication;
import io.qbank.authoring.domain.Topic;
import io.qbank.authoring.domain.VersionState;
import io.qbank.authoring.domain.Workflow;
import io.qbank.authoring.domain.WorkflowEvent;
import io.qbank.authoring.repository.ItemRepository;
import io.qbank.authoring.repository.ItemVersionRepository;
import io.qbank.authoring.repository.PublicationRepository;
import io.qbank.authoring.repository.TopicRepository;
import io.qbank.authoring.repository.WorkflowEventRepository;
import io.qbank.authoring.rest.ItemRequest;
import io.qbank.common.error.ApiException;
import io.qbank.common.error.Problem.Violation;
import io.qbank.common.events.ItemOption;
import io.qbank.common.events.ItemPublished;
import io.qbank.common.events.ItemRetired;
import io.qbank.common.outbox.OutboxWriter;
import io.qbank.common.persistence.Sequential;
import io.qbank.common.security.CurrentUser;
import io.qbank.common.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Items, their versions and the workflow; every state change and its event commit together. */
@ApplicationScoped
public class ItemService {

    private final ItemRepository items;
    private final ItemVersionRepository versions;
    private final TopicRepository topics;
    private final PublicationRepository publications;
    private final WorkflowEventRepository history;
    private final OutboxWriter outbox;
    private final MeterRegistry registry;

    public ItemService(ItemRepository items, ItemVersionRepository versions, TopicRepository topics,
            PublicationRepository publications, WorkflowEventRepository history, OutboxWriter outbox, MeterRegistry registry) {
        this.items = items;
        this.versions = versions;
        this.topics = topics;
        this.publications = publications;
        this.history = history;
        this.outbox = outbox;
        this.registry = registry;
    }

    @WithTransaction
    public Uni<ItemView> create(CurrentUser user, ItemRequest request) {
        List<Violation> violations = ItemContentRules.violations(request.options());
        if (!violations.isEmpty()) {
            return Uni.createFrom().failure(ApiException.unprocessable("the options are not valid", violations));
        }
        return requireTopic(user, request.topicId()).chain(topic -> {
            Instant now = Instant.now();
            Item item = new Item();
            item.id = UUID.randomUUID();
            item.tenantId = user.tenantId();
            item.createdBy = user.userId();
            item.createdAt = now;
            item.latestVersion = 1;
            ItemVersion version = newVersion(user, item, 1, request, now);
            return items.persist(item)
                    .chain(() -> versions.persist(version))
                    .chain(() -> record(user, version, null, VersionState.DRAFT, null, now))
                    .replaceWith(() -> view(user, item, version, List.of()));
        });
    }

    @WithSession
    public Uni<ItemView> get(CurrentUser user, UUID itemId) {
        return requireItem(user, itemId).chain(item -> viewOf(user, item));
    }

    @WithSession
    public Uni<List<WorkflowEvent>> history(CurrentUser user, UUID itemId) {
        return requireItem(user, itemId).chain(item -> history.history(user.tenantId(), itemId));
    }

    /** submit, approve, request changes, retire. */
    @WithTransaction
    public Uni<ItemView> transition(CurrentUser user, UUID itemId, int versionNumber, Action action, String comment) {
        if (action == Action.PUBLISH) {
            return Uni.createFrom().failure(ApiException.badRequest("publish with POST …/versions/{version}/publication and exam codes"));
        }
        return requireItem(user, itemId).chain(item -> requireVersion(user, itemId, versionNumber).chain(version -> {
            VersionState to = decide(user, version, action);
            Instant now = Instant.now();
            VersionState from = version.state;
            version.state = to;
            Uni<Void> effect = Uni.createFrom().voidItem();
            if (action == Action.RETIRE) {
                effect = retireEverywhere(user, item, version, now);
            }
            return effect.chain(() -> record(user, version, from, to, comment, now))
                    .chain(() -> viewOf(user, item));
        }));
    }

    /**
     * Publishes an approved version to exam codes (or a published one to more codes). A newer version replaces
     * the live one everywhere the item is live; the superseded version is retired.
     */
    @WithTransaction
    public Uni<ItemView> publish(CurrentUser user, UUID itemId, int versionNumber, List<String> examCodes, String comment) {
        return requireItem(user, itemId).chain(item -> requireVersion(user, itemId, versionNumber).chain(version -> {
            VersionState from = version.state;
            if (from != VersionState.PUBLISHED) {
                version.state = decide(user, version, Action.PUBLISH);
            } else if (!user.hasRole(Roles.PUBLISHER) && !user.isAdmin()) {
                throw new ApiException(403, "Forbidden", "only publishers and admins publish");
            }
            Instant now = Instant.now();
            Integer previousLive = item.liveVersion;
            item.liveVersion = version.version;
            return publications.forItem(user.tenantId(), itemId).chain(existing -> {
                List<String> live = new ArrayList<>();
                List<Supplier<Uni<?>>> writes = new ArrayList<>();
                for (Publication p : existing) {
                    if (p.retiredAt == null || examCodes.contains(p.examCode)) {
                        p.liveVersion = version.version;
                        p.retiredAt = null;
                        p.publishedAt = now;
                        p.publishedBy = user.userId();
                        live.add(p.examCode);
                    }
                }
                for (String code : examCodes.stream().distinct().toList()) {
                    if (existing.stream().noneMatch(p -> p.examCode.equals(code))) {
                        Publication p = new Publication();
                        p.id = UUID.randomUUID();
                        p.itemId = itemId;
                        p.tenantId = user.tenantId();
                        p.examCode = code;
                        p.liveVersion = version.version;
                        p.publishedAt = now;
                        p.publishedBy = user.userId();
                        writes.add(() -> publications.persist(p));
                        live.add(code);
                    }
                }
                List<String> liveCodes = live.stream().sorted().toList();
                Uni<Void> persisted = Sequential.run(writes);
                return persisted
                        .chain(() -> supersede(user, itemId, previousLive, version.version, now))
                        .chain(() -> from == VersionState.PUBLISHED ? Uni.createFrom().voidItem()
                                : record(user, version, from, VersionState.PUBLISHED, comment, now))
                        .chain(() -> topics.findInTenant(user.tenantId(), version.topicId))
                        .chain(topic -> outbox.append(user.tenantId(), itemId.toString(), itemId.toString(),
                                published(version, topic, liveCodes, now)))
                        .invoke(() -> registry.counter("qbank.items.published").increment())
                        .chain(() -> viewOf(user, item));
            });
        }));
    }

    private Uni<Void> supersede(CurrentUser user, UUID itemId, Integer previousLive, int newLive, Instant now) {
        if (previousLive == null || previousLive == newLive) {
            return Uni.createFrom().voidItem();
        }
        return requireVersion(user, itemId, previousLive).chain(old -> {
            VersionState from = old.state;
            old.state = VersionState.RETIRED;
            return record(user, old, from, VersionState.RETIRED, "superseded by version " + newLive, now);
        });
    }

    private Uni<Void> retireEverywhere(CurrentUser user, Item item, ItemVersion version, Instant now) {
        return publications.forItem(user.tenantId(), item.id).chain(existing -> {
            List<String> codes = new ArrayList<>();
            for (Publication p : existing) {
                if (p.retiredAt == null) {
                    p.retiredAt = now;
                    codes.add(p.examCode);
                }
            }
            item.liveVersion = null;
            return outbox.append(user.tenantId(), item.id.toString(), item.id.toString(),
                    new ItemRetired(item.id, version.version, user.tenantId(), codes, now)).replaceWithVoid();
        });
    }

    private VersionState decide(CurrentUser user, ItemVersion version, Action action) {
        Workflow.Decision decision = Workflow.decide(action, version.state, user.roles(), version.createdBy.equals(user.userId()));
        if (decision.allowed()) {
            return decision.to();
        }
        Workflow.Refusal refusal = decision.refusal();
        if (refusal instanceof Workflow.Refusal.Illegal illegal) {
            throw ApiException.conflict("cannot " + action.code() + " a version that is " + illegal.from().code()
                    + "; allowed now: " + (illegal.allowed().isEmpty() ? "nothing for your roles"
                            : String.join(", ", illegal.allowed().stream().map(Action::code).toList())));
        }
        if (refusal instanceof Workflow.Refusal.OwnVersion) {
            throw new ApiException(403, "Forbidden", "nobody approves a version they wrote");
        }
        throw new ApiException(403, "Forbidden", "your roles do not allow " + action.code());
    }

    private Uni<Void> record(CurrentUser user, ItemVersion version, VersionState from, VersionState to, String comment, Instant at) {
        WorkflowEvent event = new WorkflowEvent();
        event.itemId = version.itemId;
        event.version = version.version;
        event.tenantId = version.tenantId;
        event.fromState = from;
        event.toState = to;
        event.actor = user.userId();
        event.comment = comment;
        event.at = at;
        return history.persist(event).replaceWithVoid();
    }

    /** The item as the caller sees it now: its latest version, live exam codes and allowed actions. */
    private Uni<ItemView> viewOf(CurrentUser user, Item item) {
        return versions.findVersion(user.tenantId(), item.id, item.latestVersion)
                .chain(latest -> liveExamCodes(user, item.id).map(codes -> view(user, item, latest, codes)));
    }

    private Uni<List<String>> liveExamCodes(CurrentUser user, UUID itemId) {
        return publications.forItem(user.tenantId(), itemId)
                .map(list -> list.stream().filter(p -> p.retiredAt == null).map(p -> p.examCode).toList());
    }

    private Uni<Item> requireItem(CurrentUser user, UUID itemId) {
        return items.findInTenant(user.tenantId(), itemId).onItem().ifNull().failWith(() -> ApiException.notFound("Item", itemId));
    }

    private Uni<ItemVersion> requireVersion(CurrentUser user, UUID itemId, int version) {
        return versions.findVersion(user.tenantId(), itemId, version)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Version", itemId + "/" + version));
    }

    private Uni<Topic> requireTopic(CurrentUser user, UUID topicId) {
        return topics.findInTenant(user.tenantId(), topicId).onItem().ifNull().failWith(() -> ApiException.unprocessable(
                "the topic does not exist", List.of(new Violation("topicId", "no such topic"))));
    }

    private static ItemVersion newVersion(CurrentUser user, Item item, int number, ItemRequest request, Instant now) {
        ItemVersion v = new ItemVersion();
        v.id = UUID.randomUUID();
        v.itemId = item.id;
        v.tenantId = item.tenantId;
        v.version = number;
        v.state = VersionState.DRAFT;
        v.stem = request.stem();
        v.leadIn = request.leadIn();
        v.rationale = request.rationale();
        v.topicId = request.topicId();
        v.difficulty = request.difficulty();
        v.difficultyLevel = request.difficultyLevel().shortValue();
        v.provenance = "human";
        v.createdBy = user.userId();
        v.createdAt = now;
        request.options().forEach(o -> v.options.add(new OptionValue(o.label(), o.text(), o.correct(), o.explanation())));
        return v;
    }

    private static ItemView view(CurrentUser user, Item item, ItemVersion latest, List<String> codes) {
        return new ItemView(item, latest, codes, Workflow.allowedFrom(latest.state, user.roles()));
    }

    private static ItemPublished published(ItemVersion v, Topic topic, List<String> examCodes, Instant now) {
        return new ItemPublished(v.itemId, v.version, v.tenantId, examCodes, v.topicId, topic.name, topic.blueprintCode,
                v.stem, v.leadIn, v.options.stream().map(o -> new ItemOption(o.label, o.text, o.correct, o.explanation)).toList(),
                v.correctLabel(), v.rationale, v.difficulty, (int) v.difficultyLevel, now);
    }
}
