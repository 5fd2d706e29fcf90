package io.qbank.generation.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.qbank.common.events.ItemOption;

/**
 * A question of a learner's personal study set: generated from their own materials, checked by the item-writing rules,
 * never reviewed by anyone else. {@code state}: active, or reported by its owner (then served nowhere until edited).
 */
public record PersonalItem(
        UUID id,
        UUID jobId,
        List<UUID> materialIds,
        int version,
        @Schema(enumeration = { "active", "reported" }) String state,
        String topic,
        int difficulty,
        String stem,
        String leadIn,
        List<ItemOption> options,
        String rationale,
        @Schema(description = "The item-writing checks' score, 0–1") double quality,
        @Schema(description = "What the checks noted, as \"code: message\"") List<String> validationNotes,
        @Schema(description = "The passages of the learner's materials it was written from") List<UUID> sourceChunkIds,
        @Schema(nullable = true) String reportReason,
        @Schema(nullable = true) String reportComment,
        @Schema(nullable = true, description = "When its owner proposed it to the tenant's authors") Instant proposedAt,
        @Schema(nullable = true) String model,
        @Schema(nullable = true) String promptVersion,
        Instant createdAt,
        Instant updatedAt) {

    public String correctLabel() {
        return options.stream().filter(ItemOption::correct).map(ItemOption::label).findFirst().orElseThrow();
    }
}
