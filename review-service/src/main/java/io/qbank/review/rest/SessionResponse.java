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
public record SessionResponse(UUID id, @Schema(nullable = true) UUID topicId, boolean ahead,
        @Schema(description = "A practice of my own study set") boolean personal, @Schema(nullable = true) UUID materialId, int itemCount, int answered,
        @Schema(nullable = true) ServedItem next, @Schema(nullable = true) Instant nextDueAt) {

    public record ServedItem(int position, UUID itemId, int version, @Schema(nullable = true) String topicName, @Schema(nullable = true) String difficulty,
            String stem, String leadIn, List<Option> options, @Schema(description = "A question of my own study set: generated, reviewed by no one") boolean personal) {
    }

    public record Option(String label, String text) {
    }

    static SessionResponse of(ReviewSessionService.Next n) {
        var s = n.session();
        ServedItem next = n.entry() == null ? null : new ServedItem(n.entry().position(), n.item().itemId(), n.item().version(),
                n.item().topicName(), n.item().difficulty(), n.item().stem(), n.item().leadIn(),
                n.item().options().stream().map(o -> new Option(o.label(), o.text())).toList(), n.item().personal());
        return new SessionResponse(s.id(), s.topicId(), s.ahead(), s.personal(), s.materialId(), s.itemCount(), s.answered(), next, n.nextDueAt());
    }
}
