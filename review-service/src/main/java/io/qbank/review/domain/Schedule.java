package io.qbank.review.domain;

import java.util.UUID;

/** A learner's schedule for one item: the version last answered, its topic, and the scheduler's state. */
public record Schedule(String tenantId, UUID userId, UUID itemId, int version, UUID topicId, ScheduleState state) {

    /** (tenant, user, item): one schedule per learner and item. */
    public record Key(String tenantId, UUID userId, UUID itemId) {
    }

    public Key key() {
        return new Key(tenantId, userId, itemId);
    }
}
