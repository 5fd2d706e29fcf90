package io.qbank.common.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.SocketException;
import java.util.concurrent.CompletionException;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonParseException;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

class LostConnectionTest {

    @Test
    void aConnectionLostOrRefusedIsTold() {
        assertThat(LostConnection.test(ClosedConnectionException.INSTANCE)).isTrue();
        assertThat(LostConnection.test(new CompletionException(new SocketException("Connection reset")))).isTrue();
        assertThat(LostConnection.test(new ConnectException("Connection refused"))).isTrue();
        assertThat(LostConnection.test(new PgException("terminating connection due to administrator command", "FATAL", "57P01", null)))
                .isTrue();
        assertThat(LostConnection.test(new PgException("the database system is starting up", "FATAL", "57P03", null))).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(LostConnection.test(new PgException("duplicate key", "ERROR", "23505", null))).isFalse();
        assertThat(LostConnection.test(new IllegalStateException("a bug"))).isFalse();
        assertThat(LostConnection.test(new JsonParseException(null, "not JSON"))).isFalse();
    }

    @Test
    void aLostConnectionIsA503ProblemWithRetryAfter() {
        Response r = new ProblemMappers().unexpected(new CompletionException(ClosedConnectionException.INSTANCE));
        assertThat(r.getStatus()).isEqualTo(503);
        assertThat(r.getHeaderString("Retry-After")).isEqualTo("1");
        assertThat(r.getMediaType()).hasToString(Problem.MEDIA_TYPE);
        assertThat(((Problem) r.getEntity()).detail()).contains("database connection was lost");
        assertThat(new ProblemMappers().unexpected(new IllegalStateException("a bug")).getStatus()).isEqualTo(500);
    }
}
