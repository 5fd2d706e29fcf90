package io.qbank.common.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The item no longer serves for the given exam codes of the tenant. Key: item id. */
@RegisterForReflection
public record ItemRetired(UUID itemId, int version, String tenantId, List<String> examCodes, Instant retiredAt) {
}
