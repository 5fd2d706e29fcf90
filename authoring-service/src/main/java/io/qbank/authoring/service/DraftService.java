package io.qbank.authoring.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.qbank.authoring.domain.Topic;
import io.qbank.authoring.repository.ItemRepository;
import io.qbank.authoring.repository.TopicRepository;
import io.qbank.authoring.rest.OptionRequest;
import io.qbank.common.error.Problem.Violation;
import io.qbank.common.events.DraftGenerated;
import io.qbank.common.events.PoisonEventException;
import io.smallrye.mutiny.Uni;

/**
 * Generated drafts become items in draft, so they enter the same review as human items. The draft id is the item id:
 * a draft delivered twice (even under another event id) is created once.
 */
@ApplicationScoped
public class DraftService {

    /** Where drafts go whose topic is unknown to authoring: a root topic of this name (or the draft's topic name). */
    static final String UNSORTED = "Generated (unsorted)";

    private final ItemService itemService;
    private final ItemRepository items;
    private final TopicRepository topics;

    public DraftService(ItemService itemService, ItemRepository items, TopicRepository topics) {
        this.itemService = itemService;
        this.items = items;
        this.topics = topics;
    }

    /** Runs in the consumer's transaction. */
    public Uni<Void> accept(DraftGenerated draft) {
        List<Violation> violations = draft.options() == null ? List.of(new Violation("options", "missing"))
                : ItemContentRules.violations(draft.options().stream()
                        .map(o -> new OptionRequest(o.label(), o.text(), o.correct(), o.explanation())).toList());
        if (!violations.isEmpty() || draft.options().size() < 4 || draft.options().size() > 5 || blank(draft.stem())
                || blank(draft.leadIn()) || blank(draft.rationale()) || draft.requestedBy() == null) {
            throw new PoisonEventException("draft " + draft.draftId() + " is not a valid item: " + violations);
        }
        return items.findById(draft.draftId()).chain(existing -> existing != null ? Uni.createFrom().voidItem()
                : topicFor(draft).chain(topic -> itemService.createGenerated(draft, topic)));
    }

    private Uni<Topic> topicFor(DraftGenerated draft) {
        Uni<Topic> known = draft.topicId() == null ? Uni.createFrom().nullItem() : topics.findInTenant(draft.tenantId(), draft.topicId());
        String name = blank(draft.topicName()) ? UNSORTED : draft.topicName().strip();
        return known.onItem().ifNull().switchTo(() -> topics.siblingNamed(draft.tenantId(), null, name, null))
                .onItem().ifNull().switchTo(() -> {
                    Topic topic = new Topic();
                    topic.id = UUID.randomUUID();
                    topic.tenantId = draft.tenantId();
                    topic.name = name;
                    topic.path = "/" + topic.id + "/";
                    topic.createdAt = Instant.now();
                    return topics.persist(topic);
                });
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
