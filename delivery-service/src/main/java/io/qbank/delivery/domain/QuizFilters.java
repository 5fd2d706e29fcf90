package io.qbank.delivery.domain;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Which items of the pool a quiz may serve: topic subtrees, difficulty labels, and the learner's own history
 * ({@code unused}: never served to them before; {@code incorrect}: last answered wrongly; {@code flagged}: flagged by
 * them). Empty means no restriction.
 */
public record QuizFilters(List<UUID> topicIds, List<String> difficulties, String history) {

    public static final String UNUSED = "unused";
    public static final String INCORRECT = "incorrect";
    public static final String FLAGGED = "flagged";

    public boolean isEmpty() {
        return topicIds.isEmpty() && difficulties.isEmpty() && history == null;
    }

    /**
     * Whether the item passes the filters.
     *
     * @param history the learner's item ids that the history filter is about (seen, last wrong or flagged)
     */
    public boolean admits(PoolItem item, Set<UUID> history) {
        if (!topicIds.isEmpty() && item.topicPath().stream().noneMatch(topicIds::contains)) {
            return false;
        }
        if (!difficulties.isEmpty() && !difficulties.contains(item.difficulty())) {
            return false;
        }
        if (this.history == null) {
            return true;
        }
        return UNUSED.equals(this.history) ? !history.contains(item.itemId()) : history.contains(item.itemId());
    }
}
