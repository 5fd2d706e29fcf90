package io.qbank.review.repository;

import io.qbank.common.persistence.Sql;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.qbank.review.domain.Gamification;
import io.qbank.review.domain.Profile;
import io.qbank.review.domain.Scheduler;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Learner profiles. A profile row is also the lock that serialises every change to its learner's schedules. */
@ApplicationScoped
public class ProfileRepository {

    /** A learner of a tenant. */
    public record Learner(String tenantId, UUID userId) {
    }

    private static final String COLUMNS = "tenant_id, user_id, time_zone, scheduler, desired_retention, xp, current_streak, "
            + "longest_streak, last_active_day";

    /**
     * Creates the missing profiles (UTC, SM-2) and locks all of them until the transaction ends, in one order
     * (tenant, user) so that two transactions never wait on each other crosswise.
     */
    public Uni<Map<Learner, Profile>> lock(SqlConnection connection, List<Learner> learners) {
        List<Learner> sorted = learners.stream().distinct()
                .sorted((a, b) -> a.tenantId().equals(b.tenantId()) ? a.userId().compareTo(b.userId()) : a.tenantId().compareTo(b.tenantId()))
                .toList();
        Tuple keys = Tuple.from(new Object[] { Sql.column(sorted, Learner::tenantId, String[]::new), Sql.column(sorted, Learner::userId, UUID[]::new) });
        return connection.preparedQuery("""
                INSERT INTO review_profile (tenant_id, user_id)
                SELECT t, u FROM unnest($1::text[], $2::uuid[]) AS k(t, u) ORDER BY t, u
                ON CONFLICT DO NOTHING""").execute(keys)
                .chain(() -> connection.preparedQuery("SELECT " + COLUMNS + " " + """
                         FROM review_profile
                        WHERE (tenant_id, user_id) IN (SELECT * FROM unnest($1::text[], $2::uuid[]))
                        ORDER BY tenant_id, user_id FOR UPDATE""").execute(keys))
                .map(rows -> {
                    Map<Learner, Profile> profiles = new LinkedHashMap<>();
                    for (Row row : rows) {
                        Profile p = profile(row);
                        profiles.put(new Learner(p.tenantId(), p.userId()), p);
                    }
                    return profiles;
                });
    }

    public Uni<Profile> find(SqlClient client, String tenantId, UUID userId) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM review_profile WHERE tenant_id = $1 AND user_id = $2")
                .execute(Tuple.of(tenantId, userId))
                .map(rows -> rows.size() == 0 ? null : profile(rows.iterator().next()));
    }

    /** Writes XP, streak and settings of locked profiles back. */
    public Uni<Void> update(SqlConnection connection, List<Profile> profiles) {
        if (profiles.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("""
                UPDATE review_profile p
                   SET time_zone = u.zone, scheduler = u.scheduler, desired_retention = u.retention, xp = u.xp,
                       current_streak = u.streak, longest_streak = u.longest, last_active_day = u.day, updated_at = now()
                  FROM unnest($1::text[], $2::uuid[], $3::text[], $4::text[], $5::float8[], $6::int8[], $7::int4[], $8::int4[], $9::date[])
                       AS u(tenant, usr, zone, scheduler, retention, xp, streak, longest, day)
                 WHERE p.tenant_id = u.tenant AND p.user_id = u.usr""")
                .execute(Tuple.from(new Object[] {
                        Sql.column(profiles, Profile::tenantId, String[]::new),
                        Sql.column(profiles, Profile::userId, UUID[]::new),
                        Sql.column(profiles, p -> p.timeZone().getId(), String[]::new),
                        Sql.column(profiles, p -> p.scheduler().code(), String[]::new),
                        Sql.column(profiles, Profile::desiredRetention, Double[]::new),
                        Sql.column(profiles, Profile::xp, Long[]::new),
                        Sql.column(profiles, p -> p.streak().current(), Integer[]::new),
                        Sql.column(profiles, p -> p.streak().longest(), Integer[]::new),
                        Sql.column(profiles, p -> p.streak().lastActiveDay(), LocalDate[]::new) }))
                .replaceWithVoid();
    }

    private static Profile profile(Row row) {
        return new Profile(row.getString("tenant_id"), row.getUUID("user_id"), ZoneId.of(row.getString("time_zone")),
                Scheduler.of(row.getString("scheduler")).orElseThrow(), row.getDouble("desired_retention"), row.getLong("xp"),
                new Gamification.Streak(row.getInteger("current_streak"), row.getInteger("longest_streak"), row.getLocalDate("last_active_day")));
    }

}
