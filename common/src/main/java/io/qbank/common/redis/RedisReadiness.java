package io.qbank.common.redis;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;

/** Reports Redis in readiness, UP either way: an outage degrades the service, it does not take it out of rotation. */
@Readiness
@ApplicationScoped
public class RedisReadiness implements AsyncHealthCheck {

    private final RedisStatus status;

    public RedisReadiness(RedisStatus status) {
        this.status = status;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return status.ping().map(ok -> HealthCheckResponse.named("Redis connection health check").up().withData("available", ok)
                .withData("since", status.since().toString())
                .withData("mode", ok ? "normal" : "degraded: what Redis holds is kept by each replica until it is back").build());
    }
}
