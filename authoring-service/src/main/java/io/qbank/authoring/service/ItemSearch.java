package io.qbank.authoring.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.qbank.common.security.CurrentUser;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * List and search over the item listing columns (one row per item, kept in step with the latest version by
 * {@code refresh_item_listing}); every filter is a bind parameter and the tenant is always the caller's.
 */
@ApplicationScoped
public class ItemSearch {

    private final Pool pool;

    public ItemSearch(Pool pool) {
        this.pool = pool;
    }

    public Uni<ItemPage> list(CurrentUser user, ItemQuery query) {
        List<Object> params = new ArrayList<>();
        params.add(user.tenantId());
        StringBuilder where = new StringBuilder("i.tenant_id = $1 AND i.latest_state IS NOT NULL");
        String rank = "0";
        if (query.text() != null) {
            params.add(query.text());
            String tsQuery = "websearch_to_tsquery('english', $" + params.size() + ")";
            where.append(" AND i.search @@ ").append(tsQuery);
            rank = "ts_rank(i.search, " + tsQuery + ")";
        }
        if (query.topicId() != null) {
            params.add(query.topicId());
            where.append(" AND i.topic_path LIKE (SELECT s.path FROM topic s WHERE s.id = $").append(params.size())
                    .append(" AND s.tenant_id = $1) || '%'");
        }
        if (query.state() != null) {
            params.add(query.state());
            where.append(" AND i.latest_state = $").append(params.size());
        }
        if (query.difficulty() != null) {
            params.add(query.difficulty());
            where.append(" AND i.difficulty = $").append(params.size());
        }
        if (query.tag() != null) {
            params.add(new String[] { query.tag().strip().toLowerCase(java.util.Locale.ROOT) });
            where.append(" AND i.tags @> $").append(params.size());
        }
        if (query.author() != null) {
            params.add(query.author());
            where.append(" AND i.author_id = $").append(params.size());
        }
        if (query.examCode() != null) {
            params.add(new String[] { query.examCode() });
            where.append(" AND i.exam_codes @> $").append(params.size());
        }
        if (query.provenance() != null) {
            params.add(query.provenance());
            where.append(" AND i.provenance = $").append(params.size());
        }
        if (query.flagged() != null) {
            where.append(query.flagged() ? " AND i.open_flags > 0" : " AND i.open_flags = 0");
        }
        if (query.reviewQueue()) {
            // waiting for someone: a publisher (in review, open flags) or an author (a generated draft to check and submit)
            where.append(" AND (i.latest_state = 'in_review' OR i.open_flags > 0 OR (i.latest_state = 'draft' AND i.provenance = 'generated'))");
        }
        String order = switch (query.sort()) {
            case CREATED -> "i.created_at DESC, i.id";
            case RELEVANCE -> rank + " DESC, i.updated_at DESC, i.id";
            case WAITING -> "i.updated_at ASC, i.id";
            case UPDATED -> "i.updated_at DESC, i.id";
        };
        params.add(query.size() + 1); // one more than a page tells whether another page follows
        params.add((long) query.page() * query.size());
        String sql = "SELECT i.id, i.latest_version, i.live_version, i.latest_state, i.topic_id, t.name AS topic_name, i.stem_preview,"
                + " i.lead_in, i.difficulty, i.difficulty_level, i.tags, i.provenance, i.author_id, i.exam_codes, i.open_flags,"
                + " i.created_at, i.updated_at FROM item i LEFT JOIN topic t ON t.id = i.topic_id WHERE " + where
                + " ORDER BY " + order + " LIMIT $" + (params.size() - 1) + " OFFSET $" + params.size();
        return pool.preparedQuery(sql).execute(Tuple.from(params)).map(rows -> {
            List<ItemSummary> items = new ArrayList<>();
            for (Row row : rows) {
                items.add(summary(row));
            }
            boolean hasNext = items.size() > query.size();
            return new ItemPage(hasNext ? items.subList(0, query.size()) : items, query.page(), query.size(), hasNext);
        });
    }

    private static ItemSummary summary(Row row) {
        return new ItemSummary(row.getUUID("id"), row.getInteger("latest_version"), row.getInteger("live_version"),
                row.getString("latest_state"), row.getUUID("topic_id"), row.getString("topic_name"), row.getString("stem_preview"),
                row.getString("lead_in"), row.getString("difficulty"), row.getInteger("difficulty_level"),
                Arrays.asList(row.getArrayOfStrings("tags")), row.getString("provenance"), row.getUUID("author_id"),
                Arrays.asList(row.getArrayOfStrings("exam_codes")), row.getInteger("open_flags"),
                row.getOffsetDateTime("created_at").toInstant(), row.getOffsetDateTime("updated_at").toInstant());
    }
}
