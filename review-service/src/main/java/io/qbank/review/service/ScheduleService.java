package io.qbank.review.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.qbank.common.error.ApiException;
import io.qbank.common.security.CurrentUser;
import io.qbank.review.domain.Schedule;
import io.qbank.review.repository.ScheduleRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/** A learner's schedules, due queue and retention forecast. */
@ApplicationScoped
public class ScheduleService {

    /** The due queue: items due now, oldest first, and when the next one falls due if none is. */
    public record DueQueue(List<ScheduleRepository.Due> items, Instant nextDueAt) {
    }

    /** How many items fall due on a day of the learner's time zone. */
    public record DueDay(LocalDate date, int due) {
    }

    private final Pool pool;
    private final ScheduleRepository schedules;
    private final ProfileService profiles;

    public ScheduleService(Pool pool, ScheduleRepository schedules, ProfileService profiles) {
        this.pool = pool;
        this.schedules = schedules;
        this.profiles = profiles;
    }

    public Uni<Schedule> get(CurrentUser user, UUID itemId) {
        return schedules.findOwn(pool, user.tenantId(), user.userId(), itemId)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Schedule for item", itemId));
    }

    public Uni<List<Schedule>> list(CurrentUser user, int page, int size) {
        return schedules.listOwn(pool, user.tenantId(), user.userId(), page, size);
    }

    public Uni<DueQueue> due(CurrentUser user, UUID topicId, int limit) {
        Instant now = Instant.now();
        return schedules.due(pool, user.tenantId(), user.userId(), now, false, topicId, limit, false)
                .chain(due -> due.isEmpty()
                        ? schedules.nextDueAfter(pool, user.tenantId(), user.userId(), now, topicId).map(at -> new DueQueue(due, at))
                        : Uni.createFrom().item(new DueQueue(due, null)));
    }

    /** Items due per day for {@code days} days from today in the learner's time zone; overdue items count today. */
    public Uni<List<DueDay>> forecast(CurrentUser user, int days) {
        return profiles.get(user).chain(profile -> {
            LocalDate today = LocalDate.now(profile.timeZone());
            return schedules.duePerDay(pool, user.tenantId(), user.userId(), profile.timeZone(), today, today.plusDays(days))
                    .map(perDay -> {
                        List<DueDay> forecast = new ArrayList<>(days);
                        for (int d = 0; d < days; d++) {
                            LocalDate day = today.plusDays(d);
                            forecast.add(new DueDay(day, perDay.getOrDefault(day, 0)));
                        }
                        return forecast;
                    });
        });
    }
}
