package io.qbank.review.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.qbank.review.service.ScheduleService;

/** My due queue: live items due now, oldest due first; {@code nextDueAt} says when the next falls due if none is. */
public record DueResponse(List<DueItem> items, @Schema(nullable = true) Instant nextDueAt) {

    public record DueItem(UUID itemId, int version, @Schema(nullable = true) UUID topicId, Instant dueAt, String reviewStatus, String scheduler, int intervalDays,
            @Schema(description = "A question of my own study set, not of the bank") boolean personal) {
    }

    static DueResponse of(ScheduleService.DueQueue queue) {
        return new DueResponse(queue.items().stream().map(d -> {
            var s = d.schedule();
            return new DueItem(s.itemId(), d.liveVersion(), s.topicId(), s.state().dueAt(), s.state().reviewStatus(),
                    s.state().scheduler().code(), s.state().intervalDays(), d.personal());
        }).toList(), queue.nextDueAt());
    }
}
