package io.qbank.authoring.rest;

import java.util.List;
import java.util.UUID;

import io.qbank.authoring.domain.Topic;

/** A topic; {@code path} lists the ids from the root down to it. */
public record TopicResponse(UUID id, UUID parentId, String name, String blueprintCode, List<UUID> path) {
    static TopicResponse of(Topic t) {
        return new TopicResponse(t.id, t.parentId, t.name, t.blueprintCode, t.pathIds());
    }
}
