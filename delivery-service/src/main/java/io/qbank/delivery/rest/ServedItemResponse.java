package io.qbank.delivery.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.qbank.delivery.service.QuizService;

/**
 * An item as a student sees it while the quiz runs: no key, no rationale, no explanations; {@code selectedLabel} is the
 * student's own answer when they come back to a position they answered.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServedItemResponse(UUID quizId, int position, int length, UUID itemId, int version, String topic, String stem,
        String leadIn, List<Choice> options, Instant servedAt, String selectedLabel) {

    public record Choice(String label, String text) {
    }

    static ServedItemResponse of(QuizService.Served s) {
        return new ServedItemResponse(s.quiz().id(), s.item().position(), s.quiz().length(), s.item().itemId(), s.item().version(),
                s.content().topicName(), s.content().stem(), s.content().leadIn(),
                s.content().options().stream().map(o -> new Choice(o.label(), o.text())).toList(), s.item().servedAt(),
                s.item().answer() == null ? null : s.item().answer().selectedLabel());
    }
}
