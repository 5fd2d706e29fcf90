package io.qbank.review.repository;

import io.qbank.common.persistence.Sql;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.qbank.review.domain.Schedule;
import io.qbank.review.domain.ScheduleState;
import io.qbank.review.domain.Scheduler;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Schedules per (tenant, user, item), and the due queue over them (only items live somewhere count). */
@ApplicationScoped
public class ScheduleRepository {

    private static final String COLUMNS = "s.tenant_id, s.user_id, s.item_id, s.version, s.topic_id, s.scheduler, s.repetition, "
            + "s.easiness_factor, s.stability, s.difficulty, s.interval_days, s.due_at, s.review_status, s.attempts, s.lapses, "
            + "s.last_answered_at";
    /**
     * Keeps a schedule whose item is live (published for some exam code) in the schedule's tenant. A lateral lookup by
     * primary key, so that every plan, generic ones of cached statements included, probes the item per schedule instead
     * of scanning the tenant's whole bank (LIMIT 1 keeps the planner from flattening it into a join).
     */
    private static final String LIVE = """
            CROSS JOIN LATERAL (SELECT r.live_version, r.topic_path, r.owner_id FROM review_item r
                                 WHERE r.item_id = s.item_id AND r.tenant_id = s.tenant_id AND r.live_version IS NOT NULL LIMIT 1) i""";

    public Uni<Map<Schedule.Key, Schedule>> find(SqlConnection connection, Collection<Schedule.Key> keys) {
        List<Schedule.Key> list = List.copyOf(keys);
        return connection.preparedQuery("SELECT " + COLUMNS + " " + """
                 FROM review_schedule s
                WHERE (s.tenant_id, s.user_id, s.item_id) IN (SELECT * FROM unnest($1::text[], $2::uuid[], $3::uuid[]))""")
                .execute(Tuple.of(Sql.column(list, Schedule.Key::tenantId, String[]::new), Sql.column(list, Schedule.Key::userId, UUID[]::new),
                        Sql.column(list, Schedule.Key::itemId, UUID[]::new)))
                .map(rows -> {
                    Map<Schedule.Key, Schedule> found = new HashMap<>();
                    for (Row row : rows) {
                        Schedule s = schedule(row);
                        found.put(s.key(), s);
                    }
                    return found;
                });
    }

    /** Inserts or replaces schedules, one row per key (the caller passes each key once). */
    public Uni<Void> save(SqlConnection connection, Collection<Schedule> schedules) {
        if (schedules.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Schedule> list = List.copyOf(schedules);
        return connection.preparedQuery("""
                INSERT INTO review_schedule (tenant_id, user_id, item_id, version, topic_id, scheduler, repetition, easiness_factor,
                       stability, difficulty, interval_days, due_at, review_status, attempts, lapses, last_answered_at)
                SELECT * FROM unnest($1::text[], $2::uuid[], $3::uuid[], $4::int4[], $5::uuid[], $6::text[], $7::int4[], $8::float8[],
                       $9::float8[], $10::float8[], $11::int4[], $12::timestamptz[], $13::text[], $14::int4[], $15::int4[], $16::timestamptz[])
                ON CONFLICT (tenant_id, user_id, item_id) DO UPDATE SET
                       version = excluded.version, topic_id = coalesce(excluded.topic_id, review_schedule.topic_id),
                       scheduler = excluded.scheduler, repetition = excluded.repetition, easiness_factor = excluded.easiness_factor,
                       stability = excluded.stability, difficulty = excluded.difficulty, interval_days = excluded.interval_days,
                       due_at = excluded.due_at, review_status = excluded.review_status, attempts = excluded.attempts,
                       lapses = excluded.lapses, last_answered_at = excluded.last_answered_at,
                       row_version = review_schedule.row_version + 1""")
                .execute(Tuple.from(new Object[] {
                        Sql.column(list, Schedule::tenantId, String[]::new),
                        Sql.column(list, Schedule::userId, UUID[]::new),
                        Sql.column(list, Schedule::itemId, UUID[]::new),
                        Sql.column(list, Schedule::version, Integer[]::new),
                        Sql.column(list, Schedule::topicId, UUID[]::new),
                        Sql.column(list, s -> s.state().scheduler().code(), String[]::new),
                        Sql.column(list, s -> s.state().repetition(), Integer[]::new),
                        Sql.column(list, s -> s.state().easinessFactor(), Double[]::new),
                        Sql.column(list, s -> s.state().stability(), Double[]::new),
                        Sql.column(list, s -> s.state().difficulty(), Double[]::new),
                        Sql.column(list, s -> s.state().intervalDays(), Integer[]::new),
                        Sql.column(list, s -> Sql.utc(s.state().dueAt()), OffsetDateTime[]::new),
                        Sql.column(list, s -> s.state().reviewStatus(), String[]::new),
                        Sql.column(list, s -> s.state().attempts(), Integer[]::new),
                        Sql.column(list, s -> s.state().lapses(), Integer[]::new),
                        Sql.column(list, s -> Sql.utc(s.state().lastAnsweredAt()), OffsetDateTime[]::new) }))
                .replaceWithVoid();
    }

    public Uni<Schedule> findOwn(SqlClient client, String tenantId, UUID userId, UUID itemId) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM review_schedule s WHERE s.tenant_id = $1 AND s.user_id = $2 AND s.item_id = $3")
                .execute(Tuple.of(tenantId, userId, itemId)).map(rows -> first(rows));
    }

    public Uni<List<Schedule>> listOwn(SqlClient client, String tenantId, UUID userId, int page, int size) {
        return client.preparedQuery("SELECT " + COLUMNS + " " + """
                 FROM review_schedule s WHERE s.tenant_id = $1 AND s.user_id = $2
                ORDER BY s.due_at, s.item_id LIMIT $3 OFFSET $4""")
                .execute(Tuple.of(tenantId, userId, size, page * size)).map(ScheduleRepository::all);
    }

    /** A schedule in the due queue, with the item's live version (the one a review serves); {@code personal}: of the learner's own set. */
    public record Due(Schedule schedule, int liveVersion, boolean personal) {
    }

    /**
     * A learner's live items due by {@code now} (or, ahead, due later), oldest due first, optionally under a topic;
     * {@code forSession}: without the items that sit in the learner's running exam.
     */
    public Uni<List<Due>> due(SqlClient client, String tenantId, UUID userId, Instant now, boolean ahead, UUID underTopic, int limit,
            boolean forSession) {
        String when = (ahead ? "s.due_at > $3" : "s.due_at <= $3") + (forSession ? " AND NOT " + RunningExamRepository.IN_RUNNING_EXAM : "");
        return client.preparedQuery("SELECT " + COLUMNS + ", i.live_version, i.owner_id FROM review_schedule s " + LIVE + " " + """
                 WHERE s.tenant_id = $1 AND s.user_id = $2 AND %s AND ($4::uuid IS NULL OR $4::uuid = ANY (i.topic_path))
                 ORDER BY s.due_at, s.item_id LIMIT $5""".formatted(when))
                .execute(Tuple.of(tenantId, userId, Sql.utc(now), underTopic, limit)).map(rows -> {
                    List<Due> list = new ArrayList<>(rows.size());
                    rows.forEach(r -> list.add(new Due(schedule(r), r.getInteger("live_version"), r.getUUID("owner_id") != null)));
                    return list;
                });
    }

    /**
     * A practice of the learner's own study set (optionally one material's questions): the live ones never answered
     * first, oldest first, then the answered ones, soonest due first.
     */
    public Uni<List<SessionRepository.Planned>> practice(SqlClient client, String tenantId, UUID userId, UUID materialId, int limit) {
        return client.preparedQuery("""
                SELECT r.item_id, r.live_version FROM review_item r
                  LEFT JOIN review_schedule s ON s.tenant_id = r.tenant_id AND s.user_id = r.owner_id AND s.item_id = r.item_id
                 WHERE r.tenant_id = $1 AND r.owner_id = $2 AND r.live_version IS NOT NULL AND ($3::uuid IS NULL OR $3::uuid = ANY (r.material_ids))
                 ORDER BY s.item_id IS NOT NULL, s.due_at, r.created_at, r.item_id LIMIT $4""")
                .execute(Tuple.of(tenantId, userId, materialId, limit)).map(rows -> {
                    List<SessionRepository.Planned> list = new ArrayList<>(rows.size());
                    rows.forEach(r -> list.add(new SessionRepository.Planned(r.getUUID(0), r.getInteger(1))));
                    return list;
                });
    }

    /** When the learner's next live item falls due after {@code now}, or null. */
    public Uni<Instant> nextDueAfter(SqlClient client, String tenantId, UUID userId, Instant now, UUID underTopic) {
        return client.preparedQuery("SELECT min(s.due_at) FROM review_schedule s " + LIVE + " " + """
                 WHERE s.tenant_id = $1 AND s.user_id = $2 AND s.due_at > $3 AND ($4::uuid IS NULL OR $4::uuid = ANY (i.topic_path))""")
                .execute(Tuple.of(tenantId, userId, Sql.utc(now), underTopic))
                .map(rows -> Sql.instant(rows.iterator().next().getOffsetDateTime(0)));
    }

    /** Live items falling due per day of the learner's time zone before {@code until} (overdue ones count on {@code today}). */
    public Uni<Map<LocalDate, Integer>> duePerDay(SqlClient client, String tenantId, UUID userId, ZoneId zone, LocalDate today, LocalDate until) {
        return client.preparedQuery("""
                SELECT greatest((s.due_at AT TIME ZONE $3)::date, $4::date) AS day, count(*)::int AS due
                  FROM review_schedule s %s
                 WHERE s.tenant_id = $1 AND s.user_id = $2 AND (s.due_at AT TIME ZONE $3)::date < $5::date
                 GROUP BY 1""".formatted(LIVE))
                .execute(Tuple.of(tenantId, userId, zone.getId(), today, until))
                .map(rows -> {
                    Map<LocalDate, Integer> perDay = new HashMap<>();
                    rows.forEach(r -> perDay.put(r.getLocalDate("day"), r.getInteger("due")));
                    return perDay;
                });
    }

    private static Schedule first(RowSet<Row> rows) {
        return rows.size() == 0 ? null : schedule(rows.iterator().next());
    }

    private static List<Schedule> all(RowSet<Row> rows) {
        List<Schedule> list = new ArrayList<>(rows.size());
        rows.forEach(r -> list.add(schedule(r)));
        return list;
    }

    static Schedule schedule(Row row) {
        ScheduleState state = new ScheduleState(Scheduler.of(row.getString("scheduler")).orElseThrow(), row.getInteger("repetition"),
                row.getDouble("easiness_factor"), row.getDouble("stability"), row.getDouble("difficulty"), row.getInteger("interval_days"),
                Sql.instant(row.getOffsetDateTime("due_at")), row.getString("review_status"), row.getInteger("attempts"),
                row.getInteger("lapses"), Sql.instant(row.getOffsetDateTime("last_answered_at")));
        return new Schedule(row.getString("tenant_id"), row.getUUID("user_id"), row.getUUID("item_id"), row.getInteger("version"),
                row.getUUID("topic_id"), state);
    }
}
