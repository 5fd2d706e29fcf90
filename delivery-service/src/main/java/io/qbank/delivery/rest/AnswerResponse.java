package io.qbank.delivery.rest;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.qbank.common.events.ItemOption;

/**
 * Tutor mode: correctness, the key, the rationale and every option's explanation at once. Exam mode: only that
 * the answer was recorded (the null fields are left out of the JSON).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AnswerResponse(int position, boolean recorded, String quizStatus, Boolean correct, String correctLabel,
        String rationale, List<ItemOption> options, Double theta, Double se) {
}
