package io.qbank.review.repository;

import io.qbank.common.persistence.Sql;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.qbank.review.domain.Attempt;
import io.qbank.review.domain.ScheduleState;
import io.qbank.review.domain.Scheduler;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** The attempts log (hash-partitioned by user): the source of truth that schedules are recomputed from. */
@ApplicationScoped
public class AttemptRepository {

    /** What a replay needs of one attempt. */
    public record Past(UUID itemId, int quality, Instant answeredAt) {
    }

    /** What an idempotent retry of a session answer needs of the attempt it made. */
    public record Outcome(UUID id, String selectedLabel, boolean correct, int quality, Scheduler scheduler, int intervalDays,
            Instant dueAt, String reviewStatus, int xpEarned, boolean early) {
    }

    public Uni<Void> insert(SqlConnection connection, List<Attempt> attempts) {
        if (attempts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("""
                INSERT INTO review_attempt (id, tenant_id, user_id, item_id, version, source, source_event_id, selected_label, correct,
                       confidence, time_taken_ms, quality, xp_earned, scheduler, interval_days, sm2_interval, sm2_easiness_factor,
                       sm2_repetition, fsrs_stability, fsrs_difficulty, next_review_at, review_status, answered_at, level_at_attempt,
                       early, session_id)
                SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::int4[], $6::text[], $7::uuid[], $8::text[],
                       $9::bool[], $10::int2[], $11::int8[], $12::int2[], $13::int4[], $14::text[], $15::int4[], $16::int4[], $17::float8[],
                       $18::int4[], $19::float8[], $20::float8[], $21::timestamptz[], $22::text[], $23::timestamptz[], $24::int4[],
                       $25::bool[], $26::uuid[])""")
                .execute(Tuple.from(new Object[] {
                        Sql.column(attempts, Attempt::id, UUID[]::new),
                        Sql.column(attempts, a -> a.answer().tenantId(), String[]::new),
                        Sql.column(attempts, a -> a.answer().userId(), UUID[]::new),
                        Sql.column(attempts, a -> a.answer().itemId(), UUID[]::new),
                        Sql.column(attempts, a -> a.answer().version(), Integer[]::new),
                        Sql.column(attempts, a -> a.answer().source().code, String[]::new),
                        Sql.column(attempts, a -> a.answer().sourceEventId(), UUID[]::new),
                        Sql.column(attempts, a -> a.answer().selectedLabel(), String[]::new),
                        Sql.column(attempts, a -> a.answer().correct(), Boolean[]::new),
                        Sql.column(attempts, a -> (short) a.answer().confidence(), Short[]::new),
                        Sql.column(attempts, a -> a.answer().timeTakenMs(), Long[]::new),
                        Sql.column(attempts, a -> (short) a.quality(), Short[]::new),
                        Sql.column(attempts, Attempt::xpEarned, Integer[]::new),
                        Sql.column(attempts, a -> a.schedule().scheduler().code(), String[]::new),
                        Sql.column(attempts, a -> a.schedule().intervalDays(), Integer[]::new),
                        Sql.column(attempts, a -> sm2(a.schedule()) ? a.schedule().intervalDays() : null, Integer[]::new),
                        Sql.column(attempts, a -> a.schedule().easinessFactor(), Double[]::new),
                        Sql.column(attempts, a -> sm2(a.schedule()) ? a.schedule().repetition() : null, Integer[]::new),
                        Sql.column(attempts, a -> a.schedule().stability(), Double[]::new),
                        Sql.column(attempts, a -> a.schedule().difficulty(), Double[]::new),
                        Sql.column(attempts, a -> Sql.utc(a.schedule().dueAt()), OffsetDateTime[]::new),
                        Sql.column(attempts, a -> a.schedule().reviewStatus(), String[]::new),
                        Sql.column(attempts, a -> Sql.utc(a.answer().answeredAt()), OffsetDateTime[]::new),
                        Sql.column(attempts, Attempt::levelAtAttempt, Integer[]::new),
                        Sql.column(attempts, Attempt::early, Boolean[]::new),
                        Sql.column(attempts, a -> a.answer().sessionId(), UUID[]::new) }))
                .replaceWithVoid();
    }

    /** Every answer of a learner, per item in the order given: what a scheduler switch replays. */
    public Uni<List<Past>> history(SqlConnection connection, String tenantId, UUID userId) {
        return connection.preparedQuery("""
                SELECT item_id, quality, answered_at FROM review_attempt
                 WHERE user_id = $1 AND tenant_id = $2 ORDER BY item_id, answered_at, id""")
                .execute(Tuple.of(userId, tenantId))
                .map(rows -> {
                    List<Past> list = new ArrayList<>(rows.size());
                    rows.forEach(r -> list.add(new Past(r.getUUID(0), r.getShort(1), r.getOffsetDateTime(2).toInstant())));
                    return list;
                });
    }

    public Uni<Outcome> outcome(SqlClient client, UUID userId, UUID attemptId) {
        return client.preparedQuery("""
                SELECT id, selected_label, correct, quality, scheduler, interval_days, next_review_at, review_status, xp_earned, early
                  FROM review_attempt WHERE user_id = $1 AND id = $2""")
                .execute(Tuple.of(userId, attemptId))
                .map(rows -> {
                    var r = rows.iterator().next();
                    return new Outcome(r.getUUID("id"), r.getString("selected_label"), r.getBoolean("correct"), r.getShort("quality"),
                            Scheduler.of(r.getString("scheduler")).orElseThrow(), r.getInteger("interval_days"),
                            r.getOffsetDateTime("next_review_at").toInstant(), r.getString("review_status"), r.getInteger("xp_earned"),
                            r.getBoolean("early"));
                });
    }

    private static boolean sm2(ScheduleState s) {
        return s.scheduler() == Scheduler.SM2;
    }
}
