package io.qbank.review.service;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.qbank.common.security.CurrentUser;
import io.qbank.review.config.ReviewConfig;
import io.qbank.review.domain.Gamification;
import io.qbank.review.domain.Profile;
import io.qbank.review.domain.Schedule;
import io.qbank.review.domain.Scheduler;
import io.qbank.review.domain.Scheduling;
import io.qbank.review.repository.AttemptRepository;
import io.qbank.review.repository.ProfileRepository;
import io.qbank.review.repository.ScheduleRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/** A learner's settings and progress; switching scheduler (or desired retention) recomputes every schedule from the attempts log. */
@ApplicationScoped
public class ProfileService {

    private final Pool pool;
    private final ProfileRepository profiles;
    private final ScheduleRepository schedules;
    private final AttemptRepository attempts;
    private final ReviewConfig config;

    public ProfileService(Pool pool, ProfileRepository profiles, ScheduleRepository schedules, AttemptRepository attempts,
            ReviewConfig config) {
        this.config = config;
        this.pool = pool;
        this.profiles = profiles;
        this.schedules = schedules;
        this.attempts = attempts;
    }

    /** The profile, or the defaults a learner has before their first answer (UTC, SM-2, retention 0.9, no XP). */
    public Uni<Profile> get(CurrentUser user) {
        return profiles.find(pool, user.tenantId(), user.userId()).map(p -> p != null ? p
                : new Profile(user.tenantId(), user.userId(), ZoneId.of("UTC"), Scheduler.SM2, Profile.DEFAULT_RETENTION, 0,
                        Gamification.Streak.NONE));
    }

    /** Null arguments keep the current value. */
    public Uni<Profile> update(CurrentUser user, ZoneId zone, Scheduler scheduler, Double retention) {
        return pool.withTransaction(connection -> profiles.lock(connection, List.of(new ProfileRepository.Learner(user.tenantId(), user.userId())))
                .chain(locked -> {
                    Profile before = locked.values().iterator().next();
                    Profile after = before.withSettings(zone != null ? zone : before.timeZone(),
                            scheduler != null ? scheduler : before.scheduler(), retention != null ? retention : before.desiredRetention());
                    boolean recompute = after.scheduler() != before.scheduler()
                            || (after.scheduler() == Scheduler.FSRS && after.desiredRetention() != before.desiredRetention());
                    Uni<Void> replayed = recompute ? recompute(connection, after) : Uni.createFrom().voidItem();
                    return replayed.chain(() -> profiles.update(connection, List.of(after))).replaceWith(after);
                }));
    }

    /** Every schedule of the learner as their whole history implies under the new settings; the history itself stays. */
    private Uni<Void> recompute(SqlConnection connection, Profile profile) {
        return attempts.history(connection, profile.tenantId(), profile.userId()).chain(history -> {
            Map<UUID, List<Scheduling.Answer>> perItem = new LinkedHashMap<>();
            history.forEach(p -> perItem.computeIfAbsent(p.itemId(), k -> new ArrayList<>()).add(new Scheduling.Answer(p.quality(), p.answeredAt())));
            return schedules.find(connection, perItem.keySet().stream()
                    .map(item -> new Schedule.Key(profile.tenantId(), profile.userId(), item)).toList())
                    .chain(current -> schedules.save(connection, current.values().stream()
                            .map(s -> new Schedule(s.tenantId(), s.userId(), s.itemId(), s.version(), s.topicId(),
                                    Scheduling.replay(perItem.get(s.itemId()), profile.scheduler(), profile.desiredRetention(),
                                            config.maximumIntervalDays())))
                            .toList()));
        });
    }
}
