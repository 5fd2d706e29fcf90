package io.qbank.authoring.service;

import java.util.UUID;

/**
 * Filters of the item list, all optional and combined with "and". {@code text} is a web-style full-text query over
 * stem, lead-in and options of the latest version; {@code topicId} means the topic and its whole subtree;
 * {@code state} is the latest version's state; {@code examCode} where the item is live.
 */
public record ItemQuery(String text, UUID topicId, String state, String difficulty, String tag, UUID author,
        String examCode, String provenance, Boolean flagged, boolean reviewQueue, Sort sort, int page, int size) {

    public enum Sort {
        /** most recently changed first */
        UPDATED,
        /** newest items first */
        CREATED,
        /** best full-text match first (needs text) */
        RELEVANCE,
        /** waiting longest first: the review queue's order */
        WAITING
    }
}
