package io.qbank.authoring.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.qbank.authoring.domain.Item;
import io.qbank.authoring.domain.ItemVersion;
import io.qbank.authoring.domain.VersionState;
import io.qbank.authoring.domain.WorkflowEvent;
import io.qbank.authoring.repository.ItemListingRepository;
import io.qbank.authoring.repository.ItemRepository;
import io.qbank.authoring.repository.ItemVersionRepository;
import io.qbank.authoring.repository.PublicationRepository;
import io.qbank.authoring.repository.TopicRepository;
import io.qbank.authoring.repository.WorkflowEventRepository;
import io.qbank.authoring.rest.ItemContent;
import io.qbank.authoring.rest.ItemTransfer;
import io.qbank.authoring.rest.OptionRequest;
import io.qbank.authoring.rest.VersionResponse;
import io.qbank.common.error.ApiException;
import io.qbank.common.error.Problem.Violation;
import io.qbank.common.persistence.Sequential;
import io.qbank.common.security.CurrentUser;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Bulk export and import of items with their versions; an import is checked as a whole and written all or nothing. */
@ApplicationScoped
public class ItemTransferService {

    private final ItemRepository items;
    private final ItemVersionRepository versions;
    private final TopicRepository topics;
    private final PublicationRepository publications;
    private final WorkflowEventRepository history;
    private final ItemListingRepository listing;

    public ItemTransferService(ItemRepository items, ItemVersionRepository versions, TopicRepository topics,
            PublicationRepository publications, WorkflowEventRepository history, ItemListingRepository listing) {
        this.items = items;
        this.versions = versions;
        this.topics = topics;
        this.publications = publications;
        this.history = history;
        this.listing = listing;
    }

    @WithSession
    public Uni<List<ItemTransfer.Item>> export(CurrentUser user, List<UUID> itemIds) {
        if (itemIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return items.list("tenantId = ?1 and id in ?2", user.tenantId(), itemIds).chain(found -> versions
                .list("tenantId = ?1 and itemId in ?2 order by itemId, version", user.tenantId(), itemIds)
                .chain(allVersions -> publications.list("tenantId = ?1 and itemId in ?2 and retiredAt is null order by examCode",
                        user.tenantId(), itemIds).map(live -> {
                            Map<UUID, Item> byId = found.stream().collect(Collectors.toMap(i -> i.id, i -> i));
                            Map<UUID, List<ItemVersion>> versionsOf = allVersions.stream().collect(Collectors.groupingBy(v -> v.itemId));
                            Map<UUID, List<String>> codesOf = live.stream().collect(Collectors.groupingBy(p -> p.itemId,
                                    Collectors.mapping(p -> p.examCode, Collectors.toList())));
                            return itemIds.stream().filter(byId::containsKey).map(id -> {
                                Item item = byId.get(id);
                                return new ItemTransfer.Item(id, item.latestVersion, item.liveVersion, codesOf.getOrDefault(id, List.of()),
                                        versionsOf.getOrDefault(id, List.of()).stream().map(ItemTransferService::exported).toList());
                            }).toList();
                        })));
    }

    @WithTransaction
    public Uni<ImportReport> importItems(CurrentUser user, List<ItemTransfer.Item> imported) {
        Set<UUID> topicIds = new HashSet<>();
        imported.forEach(i -> i.versions().forEach(v -> topicIds.add(v.content().topicId())));
        return topics.list("tenantId = ?1 and id in ?2", user.tenantId(), topicIds).chain(known -> {
            Set<UUID> knownIds = known.stream().map(t -> t.id).collect(Collectors.toSet());
            List<Violation> violations = new ArrayList<>();
            for (int i = 0; i < imported.size(); i++) {
                List<ItemTransfer.Version> vs = imported.get(i).versions();
                for (int j = 0; j < vs.size(); j++) {
                    String at = "[" + i + "].versions[" + j + "].content";
                    ItemContentRules.violations(vs.get(j).content().options())
                            .forEach(v -> violations.add(new Violation(at + "." + v.field(), v.message())));
                    if (!knownIds.contains(vs.get(j).content().topicId())) {
                        violations.add(new Violation(at + ".topicId", "no such topic"));
                    }
                }
            }
            if (!violations.isEmpty()) {
                return Uni.createFrom().failure(ApiException.unprocessable(
                        violations.size() + " problem(s) in the import; nothing was imported", violations));
            }
            Instant now = Instant.now();
            List<UUID> ids = new ArrayList<>();
            List<Supplier<Uni<?>>> writes = new ArrayList<>();
            int versionCount = 0;
            for (ItemTransfer.Item in : imported) {
                Item item = new Item();
                item.id = UUID.randomUUID();
                item.tenantId = user.tenantId();
                item.createdBy = user.userId();
                item.createdAt = now;
                item.latestVersion = in.versions().size();
                ids.add(item.id);
                writes.add(() -> items.persist(item));
                for (int n = 1; n <= in.versions().size(); n++) {
                    ItemTransfer.Version source = in.versions().get(n - 1);
                    ItemVersion version = ItemService.newVersion(item, n, source.content(), user.userId(), now);
                    applyProvenance(version, source.provenance());
                    writes.add(() -> versions.persist(version));
                    writes.add(() -> history.persist(imported(user, version, now)));
                    versionCount++;
                }
            }
            int total = versionCount;
            writes.add(() -> listing.refreshAll(ids));
            return Sequential.run(writes).replaceWith(() -> new ImportReport(ids.size(), total, ids));
        });
    }

    private static void applyProvenance(ItemVersion version, VersionResponse.Provenance provenance) {
        if (provenance == null || !"generated".equals(provenance.kind())) {
            return;
        }
        version.provenance = "generated";
        version.generationModel = provenance.model();
        version.promptVersion = provenance.promptVersion();
        version.generationJobId = provenance.jobId();
        version.sourceChunkIds = provenance.sourceChunkIds() == null ? new UUID[0] : provenance.sourceChunkIds().toArray(UUID[]::new);
        version.qualityScore = provenance.qualityScore();
        version.validationNotes = provenance.validationNotes() == null ? new String[0] : provenance.validationNotes().toArray(String[]::new);
    }

    private static WorkflowEvent imported(CurrentUser user, ItemVersion version, Instant now) {
        WorkflowEvent event = new WorkflowEvent();
        event.itemId = version.itemId;
        event.version = version.version;
        event.tenantId = version.tenantId;
        event.toState = VersionState.DRAFT;
        event.actor = user.userId();
        event.comment = "imported";
        event.at = now;
        return event;
    }

    private static ItemTransfer.Version exported(ItemVersion v) {
        ItemContent content = new ItemContent(v.topicId, v.stem, v.leadIn,
                v.options.stream().map(o -> new OptionRequest(o.label, o.text, o.correct, o.explanation)).toList(), v.rationale,
                v.educationalObjective, List.of(v.teachingPoints), v.difficulty, (int) v.difficultyLevel, v.bloomLevel, List.of(v.tags),
                List.of(v.references), List.of(v.media));
        return new ItemTransfer.Version(v.version, v.state, content, VersionResponse.of(v).provenance(), v.createdBy, v.createdAt);
    }
}
