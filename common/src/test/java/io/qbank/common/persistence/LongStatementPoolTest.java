package io.qbank.common.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;

class LongStatementPoolTest {

    @Test
    void statementsLongerThanTheClientsDefaultLimitStayPrepared() {
        PgConnectOptions server = new PgConnectOptions().setHost("127.0.0.1").setDatabase("qbank_delivery");
        assertThat(server.getPreparedStatementCacheSqlFilter().test("x".repeat(3000))).as("the client's default").isFalse();
        Vertx vertx = Vertx.vertx();
        try {
            new LongStatementPool().create(new PgPoolCreator.Input() {
                public Vertx vertx() {
                    return vertx;
                }

                public PoolOptions poolOptions() {
                    return new PoolOptions().setMaxSize(1);
                }

                public List<PgConnectOptions> pgConnectOptionsList() {
                    return List.of(server);
                }
            }).close();
            assertThat(server.getPreparedStatementCacheSqlFilter().test("x".repeat(3000))).isTrue();
            assertThat(server.getPreparedStatementCacheSqlFilter().test("x".repeat(LongStatementPool.STATEMENT_CACHE_SQL_LIMIT + 1))).isFalse();
        } finally {
            vertx.close();
        }
    }
}
