package io.qbank.authoring.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.qbank.authoring.domain.ItemFlag;
import io.qbank.authoring.repository.ItemFlagRepository;
import io.qbank.authoring.repository.ItemListingRepository;
import io.qbank.authoring.repository.ItemRepository;
import io.qbank.common.error.ApiException;
import io.qbank.common.events.ItemFlagged;
import io.qbank.common.events.PoisonEventException;
import io.qbank.common.security.CurrentUser;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Students' flags on items: recorded from ItemFlagged, shown in the review queue, resolved by publishers. */
@ApplicationScoped
public class FlagService {

    private final ItemFlagRepository flags;
    private final ItemRepository items;
    private final ItemListingRepository listing;

    public FlagService(ItemFlagRepository flags, ItemRepository items, ItemListingRepository listing) {
        this.flags = flags;
        this.items = items;
        this.listing = listing;
    }

    /** Runs in the consumer's transaction. The flag id makes a second copy of the same flag a no-op. */
    public Uni<Void> record(ItemFlagged event) {
        return items.findInTenant(event.tenantId(), event.itemId()).chain(item -> {
            if (item == null) {
                throw new PoisonEventException("item " + event.itemId() + " does not exist in tenant " + event.tenantId());
            }
            return flags.findById(event.flagId()).chain(existing -> {
                if (existing != null) {
                    return Uni.createFrom().voidItem();
                }
                ItemFlag flag = new ItemFlag();
                flag.id = event.flagId();
                flag.itemId = event.itemId();
                flag.tenantId = event.tenantId();
                flag.version = event.version();
                flag.flaggedBy = event.userId();
                flag.reason = event.reason();
                flag.comment = event.comment();
                flag.source = event.source();
                flag.flaggedAt = event.flaggedAt();
                return flags.persist(flag).chain(() -> listing.refresh(item.id));
            });
        });
    }

    @WithSession
    public Uni<List<ItemFlag>> list(CurrentUser user, UUID itemId, boolean openOnly) {
        return items.findInTenant(user.tenantId(), itemId).onItem().ifNull().failWith(() -> ApiException.notFound("Item", itemId))
                .chain(item -> flags.forItem(user.tenantId(), itemId, openOnly));
    }

    @WithTransaction
    public Uni<ItemFlag> resolve(CurrentUser user, UUID itemId, UUID flagId, String resolution) {
        return flags.findInTenant(user.tenantId(), itemId, flagId).onItem().ifNull().failWith(() -> ApiException.notFound("Flag", flagId))
                .call(flag -> {
                    if (flag.resolvedAt != null) {
                        throw ApiException.conflict("the flag was resolved at " + flag.resolvedAt);
                    }
                    flag.resolvedAt = Instant.now();
                    flag.resolvedBy = user.userId();
                    flag.resolution = resolution;
                    return listing.refresh(itemId);
                });
    }
}
