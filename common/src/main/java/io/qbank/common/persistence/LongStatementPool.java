package io.qbank.common.persistence;

import java.util.List;

import jakarta.inject.Singleton;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnectOptions;

/**
 * Every service's reactive pool, as Quarkus configures it, except that statements of any length stay prepared on their
 * connection where a service caches prepared statements. The Vert.x client caches only SQL up to 2,048 characters by
 * default: delivery's group-committed answer (about 2,400) and analytics' batch ingest statements (4,500-6,000) were parsed
 * and planned again at every execution (for delivery's answer, 0.5 ms per batch).
 */
@Singleton
public class LongStatementPool implements PgPoolCreator {

    static final int STATEMENT_CACHE_SQL_LIMIT = 16 * 1024;

    @Override
    public Pool create(Input input) {
        List<SqlConnectOptions> servers = List.copyOf(input.pgConnectOptionsList());
        servers.forEach(options -> options.setPreparedStatementCacheSqlLimit(STATEMENT_CACHE_SQL_LIMIT));
        return PgBuilder.pool().with(input.poolOptions()).connectingTo(servers).using(input.vertx()).build();
    }
}
