package io.qbank.review.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.qbank.common.error.ApiException;
import io.qbank.common.events.ItemFlagged;
import io.qbank.common.outbox.OutboxWriter;
import io.qbank.common.security.CurrentUser;
import io.qbank.review.repository.ItemRepository;
import io.qbank.review.repository.ScheduleRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/** A learner flags an item they have answered (wrong key, unclear, outdated…): {@code ItemFlagged} to authoring and analytics. */
@ApplicationScoped
public class FlagService {

    private final Pool pool;
    private final ScheduleRepository schedules;
    private final ItemRepository items;
    private final OutboxWriter outbox;

    public FlagService(Pool pool, ScheduleRepository schedules, ItemRepository items, OutboxWriter outbox) {
        this.pool = pool;
        this.schedules = schedules;
        this.items = items;
        this.outbox = outbox;
    }

    public Uni<ItemFlagged> flag(CurrentUser user, UUID itemId, String reason, String comment) {
        return pool.withTransaction(connection -> schedules.findOwn(connection, user.tenantId(), user.userId(), itemId)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Item among your reviews", itemId))
                .chain(schedule -> items.version(connection, user.tenantId(), itemId, schedule.version())
                        .onItem().ifNull().failWith(() -> ApiException.notFound("Item among your reviews", itemId))
                        .chain(item -> {
                            if (item.personal()) {
                                throw ApiException.conflict("this is a question of your own study set: report it there, where you can also edit it");
                            }
                            ItemFlagged flag = new ItemFlagged(UUID.randomUUID(), itemId, schedule.version(), user.tenantId(), user.userId(),
                                    reason, comment, "review", Instant.now());
                            return outbox.appendAll(connection, List.of(
                                    new OutboxWriter.Pending(user.tenantId(), itemId.toString(), itemId.toString(), flag))).replaceWith(flag);
                        })));
    }
}
