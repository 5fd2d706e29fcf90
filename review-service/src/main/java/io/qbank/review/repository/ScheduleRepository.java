package io.qbank.review.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.qbank.review.domain.ReviewSchedule;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ScheduleRepository implements PanacheRepositoryBase<ReviewSchedule, ReviewSchedule.Key> {

    public Uni<ReviewSchedule> findOwn(String tenantId, UUID userId, UUID itemId) {
        return findById(new ReviewSchedule.Key(tenantId, userId, itemId));
    }

    public Uni<List<ReviewSchedule>> listOwn(String tenantId, UUID userId, int page, int size) {
        return find("tenantId = ?1 and userId = ?2 order by dueAt, itemId", tenantId, userId).page(Page.of(page, size)).list();
    }

    /** Oldest due first. */
    public Uni<List<ReviewSchedule>> due(String tenantId, UUID userId, Instant now, int limit) {
        return find("tenantId = ?1 and userId = ?2 and dueAt <= ?3 order by dueAt, itemId", tenantId, userId, now)
                .page(Page.ofSize(limit)).list();
    }
}
