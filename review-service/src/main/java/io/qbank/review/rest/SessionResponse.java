package io.qbank.review.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.qbank.review.service.ReviewSessionService;

/**
 * A review session and the item to answer next, without its key; {@code next} is null when every item is answered,
 * and then {@code nextDueAt} says when my next review falls due.
 */
public record SessionResponse(UUID id, @Schema(nullable = true) UUID topicId, boolean ahead, int itemCount, int answered, @Schema(nullable = true) ServedItem next, @Schema(nullable = true) Instant nextDueAt) {

    public record ServedItem(int position, UUID itemId, int version, String topicName, String difficulty, String stem, String leadIn,
            List<Option> options) {
    }

    public record Option(String label, String text) {
    }

    static SessionResponse of(ReviewSessionService.Next n) {
        var s = n.session();
        ServedItem next = n.entry() == null ? null : new ServedItem(n.entry().position(), n.item().itemId(), n.item().version(),
                n.item().topicName(), n.item().difficulty(), n.item().stem(), n.item().leadIn(),
                n.item().options().stream().map(o -> new Option(o.label(), o.text())).toList());
        return new SessionResponse(s.id(), s.topicId(), s.ahead(), s.itemCount(), s.answered(), next, n.nextDueAt());
    }
}
