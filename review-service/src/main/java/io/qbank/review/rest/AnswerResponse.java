package io.qbank.review.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.qbank.review.service.ReviewSessionService;

/** The graded answer with the key and explanations, and what it did to my schedule. */
public record AnswerResponse(int position, UUID itemId, int version, String selectedLabel, boolean correct, String correctLabel,
        String rationale, List<Option> options, int quality, String scheduler, int intervalDays, Instant dueAt, String reviewStatus,
        int xpEarned, boolean early) {

    public record Option(String label, String text, boolean correct, String explanation) {
    }

    static AnswerResponse of(ReviewSessionService.Graded g) {
        var o = g.outcome();
        return new AnswerResponse(g.entry().position(), g.item().itemId(), g.item().version(), o.selectedLabel(), o.correct(),
                g.item().correctLabel(), g.item().rationale(),
                g.item().options().stream().map(x -> new Option(x.label(), x.text(), x.correct(), x.explanation())).toList(),
                o.quality(), o.scheduler().code(), o.intervalDays(), o.dueAt(), o.reviewStatus(), o.xpEarned(), o.early());
    }
}
