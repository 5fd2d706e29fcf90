package io.qbank.analytics.repository;

import static io.qbank.common.persistence.Sql.column;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.qbank.common.events.PersonalItemChanged;
import io.qbank.common.events.ReviewRecorded;
import io.qbank.common.persistence.Sql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Reviews of qbank.reviews.v1, and the retention rollup per scheduler, source, bank or personal question and UTC day
 * (recalled = answered correctly); a removed personal question's reviews leave both.
 */
@ApplicationScoped
public class ReviewFacts {

    public Uni<Void> recorded(SqlConnection connection, List<ReviewRecorded> reviews) {
        return connection.preparedQuery("""
                WITH fact AS (
                    INSERT INTO review_fact (attempt_id, tenant_id, user_id, item_id, version, scheduler, quality, correct, source, recorded_at,
                           personal)
                    SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::int[], $6::text[], $7::int[], $8::bool[],
                                         $9::text[], $10::timestamptz[], $11::bool[])
                           AS r (attempt_id, tenant_id, user_id, item_id, version, scheduler, quality, correct, source, recorded_at, personal)
                     WHERE NOT (r.personal AND EXISTS (SELECT 1 FROM removed_personal_item g WHERE g.item_id = r.item_id))
                    ON CONFLICT DO NOTHING
                    RETURNING tenant_id, scheduler, source, personal, (recorded_at AT TIME ZONE 'UTC')::date AS day, correct)
                INSERT INTO review_daily (tenant_id, scheduler, source, personal, day, reviews, recalled)
                SELECT tenant_id, scheduler, source, personal, day, count(*), count(*) FILTER (WHERE correct) FROM fact
                 GROUP BY tenant_id, scheduler, source, personal, day
                ON CONFLICT (tenant_id, scheduler, source, personal, day) DO UPDATE SET reviews = review_daily.reviews + excluded.reviews,
                       recalled = review_daily.recalled + excluded.recalled""")
                .execute(Tuple.from(new Object[] { column(reviews, ReviewRecorded::attemptId, UUID[]::new),
                        column(reviews, ReviewRecorded::tenantId, String[]::new), column(reviews, ReviewRecorded::userId, UUID[]::new),
                        column(reviews, ReviewRecorded::itemId, UUID[]::new), column(reviews, ReviewRecorded::version, Integer[]::new),
                        column(reviews, ReviewRecorded::scheduler, String[]::new), column(reviews, ReviewRecorded::quality, Integer[]::new),
                        column(reviews, ReviewRecorded::correct, Boolean[]::new), column(reviews, ReviewRecorded::source, String[]::new),
                        column(reviews, r -> Sql.utc(r.recordedAt()), OffsetDateTime[]::new),
                        column(reviews, ReviewRecorded::personal, Boolean[]::new) }))
                .replaceWithVoid();
    }

    /** A learner's personal question was removed: its reviews go, from the facts and from the rollup, and it is remembered. */
    public Uni<Void> personalRemoved(SqlConnection connection, PersonalItemChanged removed) {
        return connection.preparedQuery("""
                WITH gone AS (
                    DELETE FROM review_fact WHERE tenant_id = $1 AND user_id = $2 AND item_id = $3 AND personal
                    RETURNING tenant_id, scheduler, source, (recorded_at AT TIME ZONE 'UTC')::date AS day, correct),
                sums AS (
                    SELECT tenant_id, scheduler, source, day, count(*) AS reviews, count(*) FILTER (WHERE correct) AS recalled FROM gone
                     GROUP BY tenant_id, scheduler, source, day)
                UPDATE review_daily d SET reviews = d.reviews - s.reviews, recalled = d.recalled - s.recalled FROM sums s
                 WHERE d.tenant_id = s.tenant_id AND d.scheduler = s.scheduler AND d.source = s.source AND d.personal AND d.day = s.day""")
                .execute(Tuple.of(removed.tenantId(), removed.ownerId(), removed.itemId()))
                .chain(() -> connection.preparedQuery("""
                        INSERT INTO removed_personal_item (item_id, tenant_id) VALUES ($1, $2) ON CONFLICT DO NOTHING""")
                        .execute(Tuple.of(removed.itemId(), removed.tenantId())))
                .replaceWithVoid();
    }
}
