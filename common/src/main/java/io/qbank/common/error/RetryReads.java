package io.qbank.common.error;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InterceptorBinding;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.GET;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * On a resource class: its GET operations, which change nothing, are run once more when the database connection was lost
 * under them (a PostgreSQL restart, a terminated connection), before the client is told 503. The operation's Uni is
 * subscribed again, which runs its statements (or opens its Hibernate Reactive session) anew.
 */
@InterceptorBinding
@Inherited
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface RetryReads {

    @RetryReads
    @Interceptor
    @Priority(Interceptor.Priority.PLATFORM_AFTER)
    class Retrying {

        private static final Duration PAUSE = Duration.ofMillis(200);

        @AroundInvoke
        @SuppressWarnings("unchecked")
        Object retry(InvocationContext context) throws Exception {
            Object result = context.proceed();
            if (result instanceof Uni<?> && context.getMethod().isAnnotationPresent(GET.class)) {
                Uni<Object> uni = (Uni<Object>) result;
                Context vertx = Vertx.currentContext();
                return uni.onFailure(LostConnection::test).recoverWithUni(e -> {
                    Log.infof("a read lost its database connection (%s); trying once more", e);
                    return pause(vertx).chain(() -> uni);
                });
            }
            return result;
        }

        /**
         * A pause on the request's own Vert.x context (where Hibernate Reactive insists on running), after which the pool has
         * also seen the other connections that went with this one close.
         */
        private static Uni<Void> pause(Context vertx) {
            if (vertx == null) {
                return Uni.createFrom().voidItem();
            }
            return Uni.createFrom().emitter(emitter -> vertx.owner().setTimer(PAUSE.toMillis(), id -> vertx.runOnContext(v -> emitter.complete(null))));
        }
    }
}
