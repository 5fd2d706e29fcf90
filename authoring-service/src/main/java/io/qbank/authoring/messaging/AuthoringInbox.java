package io.qbank.authoring.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.qbank.authoring.service.DraftService;
import io.qbank.authoring.service.FlagService;
import io.qbank.common.events.CloudEvent;
import io.qbank.common.events.DraftGenerated;
import io.qbank.common.events.PersonalItemProposed;
import io.qbank.common.events.EventType;
import io.qbank.common.events.ItemFlagged;
import io.qbank.common.events.PoisonEventException;
import io.qbank.common.inbox.IdempotentConsumer;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/** What authoring consumes: generated drafts and learners' proposals (into the review queue) and students' flags (onto their items). */
@ApplicationScoped
public class AuthoringInbox {

    private final IdempotentConsumer consumer;
    private final DraftService drafts;
    private final FlagService flags;

    public AuthoringInbox(IdempotentConsumer consumer, DraftService drafts, FlagService flags) {
        this.consumer = consumer;
        this.drafts = drafts;
        this.flags = flags;
    }

    @Incoming("drafts")
    public Uni<Void> onDraft(ConsumerRecord<String, String> record) {
        return consumer.apply("generated-drafts", record, event -> {
            EventType type = EventType.ofCeType(event.type()).orElse(null);
            if (type == EventType.PERSONAL_ITEM_PROPOSED) {
                PersonalItemProposed proposal = event.dataAs(PersonalItemProposed.class);
                requireSameTenant(event, proposal.tenantId());
                return drafts.accept(proposal);
            }
            if (type != EventType.DRAFT_GENERATED) {
                Log.debugf("ignoring %s on the drafts topic", event.type());
                return Uni.createFrom().voidItem();
            }
            DraftGenerated draft = event.dataAs(DraftGenerated.class);
            requireSameTenant(event, draft.tenantId());
            return drafts.accept(draft);
        }).replaceWithVoid();
    }

    @Incoming("flags")
    public Uni<Void> onFlag(ConsumerRecord<String, String> record) {
        return consumer.apply("item-flags", record, event -> {
            if (EventType.ofCeType(event.type()).orElse(null) != EventType.ITEM_FLAGGED) {
                Log.debugf("ignoring %s on the flags topic", event.type());
                return Uni.createFrom().voidItem();
            }
            ItemFlagged flag = event.dataAs(ItemFlagged.class);
            requireSameTenant(event, flag.tenantId());
            return flags.record(flag);
        }).replaceWithVoid();
    }

    /** The envelope's tenant and the payload's must agree; an event that contradicts itself is not applied. */
    private static void requireSameTenant(CloudEvent event, String payloadTenant) {
        if (event.tenant() == null || !event.tenant().equals(payloadTenant)) {
            throw new PoisonEventException("ce_tenant " + event.tenant() + " does not match the payload's tenant " + payloadTenant);
        }
    }
}
