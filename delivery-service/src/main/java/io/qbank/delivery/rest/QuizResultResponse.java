package io.qbank.delivery.rest;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.qbank.common.events.ItemOption;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record QuizResultResponse(QuizResponse quiz, int answered, int correct, double score, double theta, double se,
        List<TopicScore> topics, List<ItemResult> items) {

    public record TopicScore(UUID topicId, String topic, int answered, int correct) {
    }

    public record ItemResult(int position, UUID itemId, int version, String topic, String stem, String leadIn,
            String selectedLabel, Boolean correct, String correctLabel, String rationale, List<ItemOption> options,
            Long timeTakenMs) {
    }
}
