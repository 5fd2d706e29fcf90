package io.qbank.delivery.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.qbank.common.events.ItemOption;
import io.qbank.delivery.domain.Quiz;
import io.qbank.delivery.domain.ServedItem;
import io.qbank.delivery.service.QuizService;

/**
 * Score, ability, per-topic breakdown, and every served item with the student's answer and time. An item's key,
 * correctness, rationale and explanations ({@code options}) appear in tutor mode once it is answered, and in exam mode
 * once the quiz has ended; until then it shows only its {@code choices}, and an exam shows no score.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QuizResultResponse(QuizResponse quiz, int answered, Integer correct, Double score, Double theta, Double se,
        Long totalTimeMs, List<TopicScore> topics, List<ItemResult> items) {

    public record TopicScore(UUID topicId, String topic, int answered, int correct) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ItemResult(int position, UUID itemId, int version, String topic, String stem, String leadIn, String selectedLabel,
            Boolean correct, String correctLabel, String rationale, List<ItemOption> options, List<ServedItemResponse.Choice> choices,
            Long timeTakenMs) {
    }

    static QuizResultResponse of(Quiz quiz, List<QuizService.Served> served) {
        boolean keys = quiz.keysVisible();
        Map<UUID, TopicScore> topics = new LinkedHashMap<>();
        List<ItemResult> items = new ArrayList<>();
        long totalTime = 0;
        for (QuizService.Served s : served) {
            ServedItem.Answer a = s.item().answer();
            if (a != null) {
                totalTime += a.timeTakenMs();
                int right = a.correct() ? 1 : 0;
                topics.merge(s.item().topicId(), new TopicScore(s.item().topicId(), s.content().topicName(), 1, right),
                        (x, y) -> new TopicScore(x.topicId(), x.topic(), x.answered() + 1, x.correct() + right));
            }
            boolean key = quiz.keyVisible(s.item());
            items.add(new ItemResult(s.item().position(), s.item().itemId(), s.item().version(), s.content().topicName(), s.content().stem(),
                    s.content().leadIn(), a == null ? null : a.selectedLabel(), key && a != null ? a.correct() : null,
                    key ? s.content().correctLabel() : null, key ? s.content().rationale() : null, key ? s.content().options() : null,
                    key ? null : s.content().options().stream().map(o -> new ServedItemResponse.Choice(o.label(), o.text())).toList(),
                    a == null ? null : a.timeTakenMs()));
        }
        if (!keys) {
            return new QuizResultResponse(QuizResponse.of(quiz), quiz.answered(), null, null, null, null, totalTime, null, items);
        }
        double score = quiz.answered() == 0 ? 0 : (double) quiz.correct() / quiz.answered();
        return new QuizResultResponse(QuizResponse.of(quiz), quiz.answered(), quiz.correct(), score, quiz.theta(), quiz.se(), totalTime,
                List.copyOf(topics.values()), items);
    }
}
