package io.qbank.common.events;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Sympson–Hetter acceptance probability of an item version. Key: item id (compacted topic). */
@RegisterForReflection
public record ExposureControlUpdated(UUID itemId, int version, String tenantId, double shP, double targetRate,
        Instant updatedAt) {
}
