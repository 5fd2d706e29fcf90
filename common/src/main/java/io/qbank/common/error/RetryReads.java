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

/**
 * On a resource class: its GET operations, which change nothing, are run once more when the database connection was lost
 * under them (a PostgreSQL restart, a terminated connection), before the client is told 503. Only for resources whose
 * reads are plain statements on the pool, built anew at each subscription (not Hibernate Reactive sessions, which must
 * never be retried).
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
        Object retry(InvocationContext context) throws Exception {
            Object result = context.proceed();
            if (result instanceof Uni<?> uni && context.getMethod().isAnnotationPresent(GET.class)) {
                // after a pause: the pool has then seen the other connections that went with this one close, too
                return uni.onFailure(LostConnection::test).invoke(e -> Log.infof("a read lost its database connection (%s); trying once more", e))
                        .onFailure(LostConnection::test).retry().withBackOff(PAUSE, PAUSE).atMost(1);
            }
            return result;
        }
    }
}
