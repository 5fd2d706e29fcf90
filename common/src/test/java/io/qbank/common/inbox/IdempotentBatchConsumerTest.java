package io.qbank.common.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.qbank.common.error.ApiException;
import io.qbank.common.events.PoisonEventException;
import io.vertx.pgclient.PgException;

class IdempotentBatchConsumerTest {

    @Test
    void refusedContentIsPermanentAndOutagesAreRetried() {
        assertThat(IdempotentBatchConsumer.isPermanent(new PoisonEventException("bad json"))).isTrue();
        assertThat(IdempotentBatchConsumer.isPermanent(new IllegalArgumentException("confidence 9"))).isTrue();
        assertThat(IdempotentBatchConsumer.isPermanent(ApiException.badRequest("no"))).isTrue();
        assertThat(IdempotentBatchConsumer.isPermanent(new PgException("check violated", "ERROR", "23514", "detail"))).isTrue();
        assertThat(IdempotentBatchConsumer.isPermanent(new PgException("bad date", "ERROR", "22007", "detail"))).isTrue();
        // ON CONFLICT DO UPDATE touching a row twice: the batch fails the same way every time (then goes event by event)
        assertThat(IdempotentBatchConsumer.isPermanent(new PgException("cannot affect row a second time", "ERROR", "21000", "detail"))).isTrue();
        // deadlock, serialisation failure, the server going away, a closed connection: try again
        assertThat(IdempotentBatchConsumer.isPermanent(new PgException("deadlock", "ERROR", "40P01", "detail"))).isFalse();
        assertThat(IdempotentBatchConsumer.isPermanent(new PgException("shutdown", "FATAL", "57P01", "detail"))).isFalse();
        assertThat(IdempotentBatchConsumer.isPermanent(new io.vertx.core.VertxException("Connection closed"))).isFalse();
        assertThat(IdempotentBatchConsumer.isPermanent(new java.net.ConnectException("refused"))).isFalse();
    }
}
