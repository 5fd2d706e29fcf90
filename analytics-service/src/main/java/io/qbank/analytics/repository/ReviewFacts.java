package io.qbank.analytics.repository;

import static io.qbank.common.persistence.Sql.column;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.qbank.common.events.ReviewRecorded;
import io.qbank.common.persistence.Sql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reviews of qbank.reviews.v1, and the retention rollup per scheduler, source and UTC day (recalled = answered correctly). */
@ApplicationScoped
public class ReviewFacts {

    public Uni<Void> recorded(SqlConnection connection, List<ReviewRecorded> reviews) {
        return connection.preparedQuery("""
                WITH fact AS (
                    INSERT INTO review_fact (attempt_id, tenant_id, user_id, item_id, version, scheduler, quality, correct, source, recorded_at)
                    SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::int[], $6::text[], $7::int[], $8::bool[],
                                         $9::text[], $10::timestamptz[])
                    ON CONFLICT DO NOTHING
                    RETURNING tenant_id, scheduler, source, (recorded_at AT TIME ZONE 'UTC')::date AS day, correct)
                INSERT INTO review_daily (tenant_id, scheduler, source, day, reviews, recalled)
                SELECT tenant_id, scheduler, source, day, count(*), count(*) FILTER (WHERE correct) FROM fact
                 GROUP BY tenant_id, scheduler, source, day
                ON CONFLICT (tenant_id, scheduler, source, day) DO UPDATE SET reviews = review_daily.reviews + excluded.reviews,
                       recalled = review_daily.recalled + excluded.recalled""")
                .execute(Tuple.from(new Object[] { column(reviews, ReviewRecorded::attemptId, UUID[]::new),
                        column(reviews, ReviewRecorded::tenantId, String[]::new), column(reviews, ReviewRecorded::userId, UUID[]::new),
                        column(reviews, ReviewRecorded::itemId, UUID[]::new), column(reviews, ReviewRecorded::version, Integer[]::new),
                        column(reviews, ReviewRecorded::scheduler, String[]::new), column(reviews, ReviewRecorded::quality, Integer[]::new),
                        column(reviews, ReviewRecorded::correct, Boolean[]::new), column(reviews, ReviewRecorded::source, String[]::new),
                        column(reviews, r -> Sql.utc(r.recordedAt()), OffsetDateTime[]::new) }))
                .replaceWithVoid();
    }
}
