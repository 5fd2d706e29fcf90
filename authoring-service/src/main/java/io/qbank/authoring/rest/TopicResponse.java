package io.qbank.authoring.rest;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.qbank.authoring.domain.Topic;

/** A topic; {@code path} lists the ids from the root down to it. */
public record TopicResponse(
        @Schema(example = "6f1c2a4e-8d0b-4c39-9a51-2b7f0e3d9c10") UUID id,
        @Schema(description = "Null for a root topic", example = "0b3e7d52-91c4-4f6a-8e2d-5a7c9b1f3e60", nullable = true) UUID parentId,
        @Schema(example = "Valvular heart disease") String name,
        @Schema(nullable = true, example = "CV-VALVE") String blueprintCode,
        @Schema(description = "The ids from the root down to this topic", example = "[\"0b3e7d52-91c4-4f6a-8e2d-5a7c9b1f3e60\", \"6f1c2a4e-8d0b-4c39-9a51-2b7f0e3d9c10\"]") List<UUID> path) {
    static TopicResponse of(Topic t) {
        return new TopicResponse(t.id, t.parentId, t.name, t.blueprintCode, t.pathIds());
    }
}
