package io.qbank.delivery.domain;

import java.util.UUID;

/** A blueprint quota of a quiz: at least {@code required} items from the subtree of a topic, {@code served} so far. */
public record Quota(UUID topicId, int required, int served) {
}
