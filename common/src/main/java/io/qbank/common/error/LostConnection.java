package io.qbank.common.error;

import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/**
 * Whether a failure is the database connection lost (PostgreSQL restarted, a connection terminated, the network cut):
 * nothing the request did wrong, and nothing it wrote was committed. Answered 503 with {@code Retry-After}; a read is
 * tried once more first ({@link RetryReads}).
 */
public final class LostConnection {

    private LostConnection() {
    }

    public static boolean test(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ClosedConnectionException || t instanceof SocketException || t instanceof ClosedChannelException
                    || t instanceof TimeoutException
                    || t instanceof io.vertx.core.impl.NoStackTraceTimeoutException) {
                return true;
            }
            // connection exceptions (08), and the server shutting down or starting (57P01-57P03)
            if (t instanceof PgException pg && pg.getSqlState() != null && (pg.getSqlState().startsWith("08") || pg.getSqlState().startsWith("57P"))) {
                return true;
            }
            if (t instanceof io.vertx.core.VertxException && "Connection is closed".equals(t.getMessage())) {
                return true;
            }
        }
        return false;
    }
}
