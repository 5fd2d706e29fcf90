package io.qbank.common.events;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** IRT parameters of an item version; {@code model} is 2PL or 3PL. Key: item id (compacted topic). */
@RegisterForReflection
public record ItemCalibrated(UUID itemId, int version, String tenantId, String model, double a, double b, double c,
        Double seA, Double seB, Double seC, int respondents, Instant calibratedAt) {
}
