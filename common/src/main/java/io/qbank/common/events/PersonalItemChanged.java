package io.qbank.common.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A question of a learner's personal study set, as it now is: {@code active} (practised and reviewed by its owner
 * alone), {@code reported} (kept, but served nowhere until its owner edits it) or {@code removed} (discarded, or its
 * material deleted: every service deletes all it derived from the item). A removal carries ids only, so that once the
 * compacted topic is cleaned no text of it remains. Key: item id.
 */
@RegisterForReflection
public record PersonalItemChanged(
        UUID itemId,
        String tenantId,
        UUID ownerId,
        int version,
        String state,
        List<UUID> materialIds,
        String topic,
        String difficulty,
        String stem,
        String leadIn,
        List<ItemOption> options,
        String correctLabel,
        String rationale,
        Instant changedAt) {

    public static final String ACTIVE = "active";
    public static final String REPORTED = "reported";
    public static final String REMOVED = "removed";

    public static PersonalItemChanged removed(UUID itemId, String tenantId, UUID ownerId, int version, Instant at) {
        return new PersonalItemChanged(itemId, tenantId, ownerId, version, REMOVED, List.of(), null, null, null, null, List.of(), null, null, at);
    }
}
