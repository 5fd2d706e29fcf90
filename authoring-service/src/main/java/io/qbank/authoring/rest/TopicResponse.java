package io.qbank.authoring.rest;

import java.util.UUID;

import io.qbank.authoring.domain.Topic;

public record TopicResponse(UUID id, UUID parentId, String name, String blueprintCode, String path) {
    static TopicResponse of(Topic t) {
        return new TopicResponse(t.id, t.parentId, t.name, t.blueprintCode, t.path);
    }
}
