package io.qbank.delivery.rest;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.qbank.common.events.ItemOption;
import io.qbank.delivery.domain.Quiz;
import io.qbank.delivery.service.QuizService;

/**
 * Tutor mode: correctness, the key, the rationale and every option's explanation at once. Exam mode: only that
 * the answer was recorded (the null fields are left out of the JSON) until the quiz has ended.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AnswerResponse(int position, boolean recorded, String quizStatus, Boolean correct, String correctLabel,
        String rationale, List<ItemOption> options, Double theta, Double se) {

    static AnswerResponse of(QuizService.Graded g) {
        Quiz quiz = g.quiz();
        if (!quiz.keysVisible()) {
            return new AnswerResponse(g.item().position(), true, quiz.status(), null, null, null, null, null, null);
        }
        return new AnswerResponse(g.item().position(), true, quiz.status(), g.item().answer().correct(), g.content().correctLabel(),
                g.content().rationale(), g.content().options(), quiz.theta(), quiz.se());
    }
}
