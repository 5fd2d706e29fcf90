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
import io.qbank.authoring.repository.ItemListingRepository;
import io.qbank.authoring.repository.ItemRepository;
import io.qbank.authoring.repository.ItemVersionRepository;
import io.qbank.authoring.repository.PublicationRepository;
import io.qbank.authoring.repository.TopicRepository;
import io.qbank.authoring.repository.WorkflowEventRepository;
import io.qbank.authoring.rest.ItemContent;
import io.qbank.common.error.ApiException;
import io.qbank.common.error.Problem.Violation;
import io.qbank.common.events.DraftGenerated;
import io.qbank.common.events.ItemOption;
import io.qbank.common.events.ItemPublished;
import io.qbank.common.events.ItemRetired;
import io.qbank.common.outbox.OutboxWriter;
import io.qbank.common.persistence.Sequential;
import io.qbank.common.security.CurrentUser;
import io.qbank.common.security.Roles;
import io.quarkus.hibernate.reactive.panache.Panache;
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
    private final ItemListingRepository listing;
    private final OutboxWriter outbox;
    private final MeterRegistry registry;

    public ItemService(ItemRepository items, ItemVersionRepository versions, TopicRepository topics,
            PublicationRepository publications, WorkflowEventRepository history, ItemListingRepository listing,
            OutboxWriter outbox, MeterRegistry registry) {
        this.items = items;
        this.listing = listing;
        this.versions = versions;
        this.topics = topics;
        this.publications = publications;
        this.history = history;
        this.outbox = outbox;
        this.registry = registry;
    }

    @WithTransaction
    public Uni<ItemView> create(CurrentUser user, ItemContent content) {
        return requireValid(user, content).chain(topic -> {
            Item item = newItem(user.tenantId(), UUID.randomUUID(), user.userId(), Instant.now());
            ItemVersion version = newVersion(item, 1, content, user.userId(), item.createdAt);
            return items.persist(item)
                    .chain(() -> versions.persist(version))
                    .chain(() -> record(user.userId(), version, null, VersionState.DRAFT, null, item.createdAt))
                    .chain(() -> listing.refresh(item.id))
                    .replaceWith(() -> view(user, item, version, List.of()));
        });
    }

    /**
     * Edits an item: its content becomes version latest + 1, a draft. {@code baseVersion} is the version the author
     * edited; if another edit got in first it is no longer the latest and the edit is refused (409), as is an edit of a
     * version under review or approved (request changes first). The live version keeps serving meanwhile.
     */
    @WithTransaction
    public Uni<ItemView> revise(CurrentUser user, UUID itemId, int baseVersion, ItemContent content) {
        return requireItem(user, itemId).chain(item -> {
            if (baseVersion != item.latestVersion) {
                return Uni.createFrom().failure(ApiException.conflict("version " + baseVersion
                        + " is not the latest version of the item: version " + item.latestVersion + " is; edit that one"));
            }
            return requireVersion(user, itemId, baseVersion).chain(base -> {
                if (base.state == VersionState.IN_REVIEW || base.state == VersionState.APPROVED) {
                    return Uni.createFrom().failure(ApiException.conflict("version " + baseVersion + " is " + base.state.code()
                            + "; a publisher must request changes before it is edited"));
                }
                return requireValid(user, content).chain(topic -> {
                    Instant now = Instant.now();
                    item.latestVersion = baseVersion + 1; // the item's row version makes a concurrent edit fail at commit
                    ItemVersion version = newVersion(item, item.latestVersion, content, user.userId(), now);
                    return versions.persist(version)
                            .chain(() -> record(user.userId(), version, null, VersionState.DRAFT, "edited from version " + baseVersion, now))
                            .chain(() -> listing.refresh(item.id))
                            .chain(() -> viewOf(user, item));
                });
            });
        });
    }

    /** A generated draft (from generation-service) becomes an item with version 1 in draft, owned by who asked for it. */
    public Uni<Void> createGenerated(DraftGenerated draft, Topic topic, String comment) {
        Instant now = Instant.now();
        Item item = newItem(draft.tenantId(), draft.draftId(), draft.requestedBy(), now);
        ItemContent content = new ItemContent(topic.id, draft.stem(), draft.leadIn(),
                draft.options().stream().map(o -> new io.qbank.authoring.rest.OptionRequest(o.label(), o.text(), o.correct(), o.explanation())).toList(),
                draft.rationale(), null, null, draft.difficulty(), draft.difficultyLevel(), null, null, null, null);
        ItemVersion version = newVersion(item, 1, content, draft.requestedBy(), now);
        version.provenance = "generated";
        version.generationModel = draft.model();
        version.promptVersion = draft.promptVersion();
        version.generationJobId = draft.jobId();
        version.sourceChunkIds = draft.sourceChunkIds() == null ? new UUID[0] : draft.sourceChunkIds().toArray(UUID[]::new);
        version.qualityScore = draft.qualityScore();
        version.validationNotes = draft.validationNotes() == null ? new String[0] : draft.validationNotes().toArray(String[]::new);
        return items.persist(item)
                .chain(() -> versions.persist(version))
                .chain(() -> record(draft.requestedBy(), version, null, VersionState.DRAFT, comment, now))
                .chain(() -> listing.refresh(item.id));
    }

    @WithSession
    public Uni<ItemView> get(CurrentUser user, UUID itemId) {
        return requireItem(user, itemId).chain(item -> viewOf(user, item));
    }

    @WithSession
    public Uni<List<ItemVersion>> versions(CurrentUser user, UUID itemId) {
        return requireItem(user, itemId).chain(item -> versions.versionsOf(user.tenantId(), itemId));
    }

    @WithSession
    public Uni<ItemVersion> version(CurrentUser user, UUID itemId, int version) {
        return requireVersion(user, itemId, version);
    }

    @WithSession
    public Uni<List<WorkflowEvent>> history(CurrentUser user, UUID itemId) {
        return requireItem(user, itemId).chain(item -> history.history(user.tenantId(), itemId));
    }

    /** submit, approve, request changes, discard (the latest version only), retire (the live version). */
    @WithTransaction
    public Uni<ItemView> transition(CurrentUser user, UUID itemId, int versionNumber, Action action, String comment) {
        if (action == Action.PUBLISH) {
            return Uni.createFrom().failure(ApiException.badRequest("publish with POST …/versions/{version}/publication and exam codes"));
        }
        return requireItem(user, itemId).chain(item -> requireVersion(user, itemId, versionNumber).chain(version -> {
            if (action != Action.RETIRE && version.version != item.latestVersion) {
                throw ApiException.conflict("only the latest version (" + item.latestVersion + ") moves through review; version "
                        + version.version + " is history");
            }
            VersionState to = decide(user, version, action);
            Instant now = Instant.now();
            VersionState from = version.state;
            version.state = to;
            Uni<Void> effect = action == Action.RETIRE ? retireEverywhere(user, item, version, now) : Uni.createFrom().voidItem();
            return effect.chain(() -> record(user.userId(), version, from, to, comment, now))
                    .chain(() -> listing.refresh(item.id))
                    .chain(() -> viewOf(user, item));
        }));
    }

    /**
     * Publishes an approved version to exam codes (or a published one to more codes). A newer version replaces
     * the live one everywhere the item is live; the superseded version is retired.
     */
    @WithTransaction
    public Uni<ItemView> publish(CurrentUser user, UUID itemId, int versionNumber, List<String> examCodes, String comment) {
        return requireItem(user, itemId).chain(item -> requireVersion(user, itemId, versionNumber)
                .call(version -> mayPublish(item, version))
                .chain(version -> {
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
                                : record(user.userId(), version, from, VersionState.PUBLISHED, comment, now))
                        .chain(() -> topics.findInTenant(user.tenantId(), version.topicId))
                        .chain(topic -> outbox.append(user.tenantId(), itemId.toString(), itemId.toString(),
                                published(version, topic, liveCodes, now)))
                        .invoke(() -> registry.counter("qbank.items.published").increment())
                        .chain(() -> listing.refresh(item.id))
                        .chain(() -> viewOf(user, item));
            });
        }));
    }

    /**
     * Publishes again, at the same version, every live item whose live version sits at the topic {@code topicPath}
     * (or anywhere in its subtree): after a rename or move the topic facts in ItemPublished have changed.
     */
    public Uni<Void> republishLive(String tenantId, String topicPath, boolean subtree) {
        String where = subtree ? "t.path LIKE ?2 || '%'" : "t.path = ?2";
        return Panache.getSession().chain(session -> session.flush().chain(() -> session.createNativeQuery(
                "SELECT i.id FROM item i JOIN item_version v ON v.item_id = i.id AND v.version = i.live_version"
                        + " JOIN topic t ON t.id = v.topic_id WHERE i.tenant_id = ?1 AND " + where, UUID.class)
                .setParameter(1, tenantId).setParameter(2, topicPath).getResultList()))
                .chain(ids -> Sequential.run(ids.stream().<Supplier<Uni<?>>>map(id -> () -> republish(tenantId, id)).toList()));
    }

    private Uni<Void> republish(String tenantId, UUID itemId) {
        return items.findInTenant(tenantId, itemId).chain(item -> versions.findVersion(tenantId, itemId, item.liveVersion)
                .chain(live -> topics.findInTenant(tenantId, live.topicId)
                        .chain(topic -> publications.forItem(tenantId, itemId).chain(list -> outbox.append(tenantId,
                                itemId.toString(), itemId.toString(), published(live, topic,
                                        list.stream().filter(p -> p.retiredAt == null).map(p -> p.examCode).toList(), Instant.now()))))))
                .replaceWithVoid();
    }

    /** An approved version publishes only as the latest; a retired one only if no newer version has been live since. */
    private Uni<Void> mayPublish(Item item, ItemVersion version) {
        if (version.state == VersionState.APPROVED && version.version != item.latestVersion) {
            return Uni.createFrom().failure(ApiException.conflict("version " + version.version + " is not the latest version ("
                    + item.latestVersion + ")"));
        }
        if (version.state != VersionState.RETIRED) {
            return Uni.createFrom().voidItem();
        }
        return versions.lastLiveVersion(item.id).chain(last -> last > version.version
                ? Uni.createFrom().failure(ApiException.conflict("version " + last + " has been live since version " + version.version
                        + " was retired; publish a newer version instead"))
                : Uni.createFrom().voidItem());
    }

    private Uni<Void> supersede(CurrentUser user, UUID itemId, Integer previousLive, int newLive, Instant now) {
        if (previousLive == null || previousLive == newLive) {
            return Uni.createFrom().voidItem();
        }
        return requireVersion(user, itemId, previousLive).chain(old -> {
            VersionState from = old.state;
            old.state = VersionState.RETIRED;
            return record(user.userId(), old, from, VersionState.RETIRED, "superseded by version " + newLive, now);
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

    private Uni<Void> record(UUID actor, ItemVersion version, VersionState from, VersionState to, String comment, Instant at) {
        WorkflowEvent event = new WorkflowEvent();
        event.itemId = version.itemId;
        event.version = version.version;
        event.tenantId = version.tenantId;
        event.fromState = from;
        event.toState = to;
        event.actor = actor;
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

    /** The content rules beyond single fields, then the topic: every problem in one answer, nothing written. */
    private Uni<Topic> requireValid(CurrentUser user, ItemContent content) {
        List<Violation> violations = ItemContentRules.violations(content.options());
        return topics.findInTenant(user.tenantId(), content.topicId()).chain(topic -> {
            List<Violation> all = new ArrayList<>(violations);
            if (topic == null) {
                all.add(new Violation("topicId", "no such topic"));
            }
            return all.isEmpty() ? Uni.createFrom().item(topic)
                    : Uni.createFrom().failure(ApiException.unprocessable("the item is not valid", all));
        });
    }

    private static Item newItem(String tenantId, UUID id, UUID createdBy, Instant now) {
        Item item = new Item();
        item.id = id;
        item.tenantId = tenantId;
        item.createdBy = createdBy;
        item.createdAt = now;
        item.latestVersion = 1;
        return item;
    }

    static ItemVersion newVersion(Item item, int number, ItemContent content, UUID author, Instant now) {
        ItemVersion v = new ItemVersion();
        v.id = UUID.randomUUID();
        v.itemId = item.id;
        v.tenantId = item.tenantId;
        v.version = number;
        v.state = VersionState.DRAFT;
        v.stem = content.stem();
        v.leadIn = content.leadIn();
        v.rationale = content.rationale();
        v.educationalObjective = content.educationalObjective();
        v.teachingPoints = content.teachingPointsOrEmpty().toArray(String[]::new);
        v.topicId = content.topicId();
        v.difficulty = content.difficulty();
        v.difficultyLevel = content.difficultyLevel().shortValue();
        v.bloomLevel = content.bloomLevel();
        v.tags = content.normalisedTags().toArray(String[]::new);
        v.references = content.referencesOrEmpty().toArray(String[]::new);
        v.media = content.mediaOrEmpty().toArray(String[]::new);
        v.provenance = "human";
        v.createdBy = author;
        v.createdAt = now;
        content.options().forEach(o -> v.options.add(new OptionValue(o.label(), o.text(), o.correct(), o.explanation())));
        return v;
    }

    private static ItemView view(CurrentUser user, Item item, ItemVersion latest, List<String> codes) {
        return new ItemView(item, latest, codes, Workflow.allowedFrom(latest.state, user.roles()));
    }

    static ItemPublished published(ItemVersion v, Topic topic, List<String> examCodes, Instant now) {
        return new ItemPublished(v.itemId, v.version, v.tenantId, examCodes, v.topicId, topic.name, topic.blueprintCode,
                v.stem, v.leadIn, v.options.stream().map(o -> new ItemOption(o.label, o.text, o.correct, o.explanation)).toList(),
                v.correctLabel(), v.rationale, v.difficulty, (int) v.difficultyLevel, now, topic.pathIds(),
                v.educationalObjective, List.of(v.teachingPoints), v.bloomLevel, List.of(v.tags), List.of(v.references),
                List.of(v.media), v.provenance);
    }
}
